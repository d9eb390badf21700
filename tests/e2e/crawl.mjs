// The crawl: on the demo data, as each role (a visitor, a member, a board member, an
// administrator), on a 360 px phone, follow every link and submit every form the pages show, and
// check on every page that
//   - no link leads to a page that answers an error (403, 404, 405, 5xx),
//   - no form answers 403, 404, 405 or 5xx, and no POST answers 200 (Post/Redirect/Get),
//   - nothing is wider than the screen (tables scroll inside their own box),
//   - every string is translated: a text shown the same in English, Danish and Dutch is either
//     the community's own content (found in the database) or on the short list of words that
//     are the same in the three languages,
//   - axe-core finds no serious or critical violation.
// It is bounded: at most `perTemplate` pages of one address pattern are opened (every link on
// them is still checked), and each form pattern is submitted once per role.
//   node crawl.mjs PATH/TO/andel
import { execFileSync } from "node:child_process";
import {
  axeViolations, demoAccounts, fail, launchChromium, signIn, startAndel, startSmtpPeer,
} from "./harness.mjs";

const [andel] = process.argv.slice(2);
const perTemplate = 2;
const width = 360;

// Words written the same in English, Danish and Dutch, or names that are not translated.
const sameInEveryLanguage = new Set([
  "Andel", "CSV", "API", "OK", "E-mail", "Status", "Mentor", "Budget", "Motion", "Partner",
  "Administration", "Score", "Start", "Info", "SROI", "STV", "Borda", "Copeland", "Schulze",
  "PDF", "JSON", "Markdown", "Pabulib", "iCalendar", "Dansk", "Nederlands", "English", "Menu",
]);

// The address pattern of a URL: community slugs, numbers and tokens replaced, query keys sorted.
function template(url) {
  const segments = url.pathname.split("/").map((segment, i, all) => {
    if (i === 2 && all[1] === "c") return "{slug}";
    if (/^\d+$/.test(segment)) return "{n}";
    if (/^[A-Za-z0-9_-]{20,}$/.test(segment)) return "{token}";
    return segment;
  });
  const keys = [...url.searchParams.keys()].filter((k) => k !== "notice").sort();
  return segments.join("/") + (keys.length ? "?" + keys.join("&") : "");
}

// The links to follow on the current page and the forms to submit, as the page shows them.
async function linksAndForms(page) {
  return page.evaluate(() => {
    const links = [...document.querySelectorAll("a[href]")]
      .map((a) => ({ href: a.href, text: a.textContent.trim().slice(0, 60) }));
    const forms = [...document.querySelectorAll("form")].map((form, index) => ({
      index,
      action: new URL(form.getAttribute("action") || location.href, location.href).href,
      method: (form.getAttribute("method") || "get").toLowerCase(),
    }));
    return { links, forms };
  });
}

// Every text a person reads on the page: text nodes and the labels of controls.
async function texts(page) {
  return page.evaluate(() => {
    const out = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript, template, code, pre")) continue;
      const text = node.textContent.replace(/\s+/g, " ").trim();
      if (text) out.add(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], img[alt]")) {
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name);
        if (value && value.trim()) out.add(value.replace(/\s+/g, " ").trim());
      }
    }
    out.add(document.title);
    return [...out];
  });
}

// If the page scrolls sideways: its width and the outermost elements that stick out beyond the
// screen (those whose parent still fits), outside any box that scrolls on its own.
async function overflow(page) {
  return page.evaluate((screen) => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= screen) return null;
    const name = (element) => {
      const parts = [];
      for (let at = element; at && at !== document.body && parts.length < 3; at = at.parentElement) {
        const classes = typeof at.className === "string" && at.className ? "." + at.className.trim().split(/\s+/).join(".") : "";
        parts.unshift(at.tagName.toLowerCase() + (at.id ? "#" + at.id : "") + classes);
      }
      return parts.join(" > ");
    };
    const scrolls = (element) => {
      for (let up = element.parentElement; up; up = up.parentElement) {
        if (["auto", "scroll", "hidden"].includes(getComputedStyle(up).overflowX)) return true;
      }
      return false;
    };
    const out = [];
    for (const element of document.body.querySelectorAll("*")) {
      const right = element.getBoundingClientRect().right;
      if (right <= screen + 1) continue;
      const closed = element.closest("details:not([open])");
      if (closed && !element.closest("summary")) continue;  // not shown until opened
      const parent = element.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > screen + 1) continue;
      if (scrolls(element)) continue;
      out.push(`${name(element)} reaches ${Math.round(right)} px`);
    }
    return { width: doc.scrollWidth, element: out.slice(0, 3).join("; ") || "?" };
  }, width);
}

// A value a person might type into a required field of this kind.
function plausible(type, name) {
  if (type === "email") return "crawl@example.org";
  if (type === "number") return "1";
  if (type === "date") return new Date(Date.now() + 3 * 86400e3).toISOString().slice(0, 10);
  if (type === "datetime-local") return new Date(Date.now() + 3 * 86400e3).toISOString().slice(0, 16);
  if (type === "password") return "crawl-password-long-enough";
  if (type === "url") return "https://example.org/";
  if (/amount|budget|cost|value|quantity|percent|majority|days|shares|seats/.test(name)) return "1";
  return "Crawl";
}

const smtp = await startSmtpPeer();
const server = await startAndel(andel, smtp.port);
const { base } = server;
// Everything the communities wrote themselves: a string found here is content, not interface.
// Markdown's marks and runs of white space do not count when comparing with it.
const plain = (text) => text.replace(/[*_`#>]/g, "").replace(/\s+/g, " ");
const readContent = () => plain(execFileSync("sqlite3", [server.database, ".dump"], { maxBuffer: 1 << 30 })
  .toString("utf8").replace(/''/g, "'").replace(/\\[rn]/g, " "));
let content = "";
const browser = await launchChromium();
const counts = { pages: 0, links: 0, forms: 0, axe: 0 };
const reported = new Set();
const once = (key, message) => {
  if (reported.has(key)) return;
  reported.add(key);
  fail(message);
};

try {
  for (const role of ["visitor", "member", "board", "admin"]) {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 780 }, javaScriptEnabled: true });
    const page = await context.newPage();
    if (role !== "visitor") await signIn(page, base, demoAccounts[role]);
    content = readContent();  // with what the forms of the roles before wrote
    // The phone's menu opens without script and fits the screen.
    await context.setExtraHTTPHeaders({});
    await page.goto(base + "/c/aarhus-partnerskab");
    await page.click("details.menu summary");
    if (!(await page.locator("details.menu .menu-panel a").first().isVisible())) fail(`${role}: the menu does not open`);
    const wideMenu = await overflow(page);
    if (wideMenu) fail(`${role}: the opened menu is ${wideMenu.width} px wide (${wideMenu.element})`);
    const opened = new Map();  // template → pages opened
    const linkStatus = new Map();  // url → status
    const formsSeen = new Map();  // form template → { page, index }
    const checkedTemplates = new Set();
    const queue = [base + "/"];
    const queued = new Set(queue);

    const checkPage = async (url, where) => {
      const wide = await overflow(page);
      if (wide) once(`${role} wide ${template(new URL(url))}`, `${role}: ${where} is ${wide.width} px wide at ${width} px (${wide.element})`);
    };
    // Once per pattern: axe, and the page in the three languages compared.
    const checkTemplate = async (url, key) => {
      if (checkedTemplates.has(key)) return;
      checkedTemplates.add(key);
      for (const line of await axeViolations(page)) once(`${role} axe ${key} ${line}`, `${role}: ${key}: ${line}`);
      counts.axe++;
      const seen = {};
      for (const language of ["da", "nl", "en"]) {
        const localised = new URL(url);
        localised.searchParams.set("lang", language);
        const answer = await page.goto(localised.href);
        if (!answer || answer.status() >= 400) return;
        seen[language] = new Set(await texts(page));
        await checkPage(page.url(), `${key} in ${language}`);
      }
      for (const text of seen.en) {
        if (!seen.da.has(text) || !seen.nl.has(text) || sameInEveryLanguage.has(text)) continue;
        // Each piece between separators is either the communities' own words, a number, or a
        // word spelled the same in the three languages.
        const untranslated = text.split(/\s*[·:|—–()[\],;]+\s*/).some((piece) => {
          const words = piece.replace(/[\d.,%+\-−/]+/g, " ").replace(/\s+/g, " ").trim();
          if (!/\p{L}{2,}/u.test(words) || sameInEveryLanguage.has(words)) return false;
          return !content.includes(plain(piece)) && !content.includes(plain(words)) && !/@/.test(piece) &&
                 !/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/.test(piece);
        });
        if (untranslated) once(`${role} text ${text}`, `${role}: "${text}" on ${key} is the same in English, Danish and Dutch`);
      }
    };

    while (queue.length) {
      const url = queue.shift();
      const parsed = new URL(url);
      const key = template(parsed);
      const count = opened.get(key) || 0;
      if (count >= perTemplate) continue;
      opened.set(key, count + 1);
      const answer = await page.goto(url);
      counts.pages++;
      const status = answer ? answer.status() : 0;
      if (status >= 400) {
        once(`${role} open ${url}`, `${role}: ${url} answers ${status}`);
        continue;
      }
      if (!(answer.headers()["content-type"] || "").startsWith("text/html")) continue;
      const here = page.url();
      await checkPage(here, key);
      const { links, forms } = await linksAndForms(page);
      for (const form of forms) {
        const formKey = form.method + " " + template(new URL(form.action));
        if (!formsSeen.has(formKey)) formsSeen.set(formKey, { page: here, index: form.index, form });
      }
      for (const link of links) {
        const target = new URL(link.href);
        if (target.origin !== base) continue;
        target.hash = "";
        if (!linkStatus.has(target.href)) {
          const reply = await context.request.get(target.href, { failOnStatusCode: false });
          linkStatus.set(target.href, { status: reply.status(), type: reply.headers()["content-type"] || "" });
          counts.links++;
        }
        const { status: linked, type } = linkStatus.get(target.href);
        if (linked >= 400) {
          once(`${role} link ${target.href}`, `${role}: "${link.text}" on ${key} leads to ${target.pathname}${target.search}, which answers ${linked}`);
          continue;
        }
        if (!type.startsWith("text/html") || target.searchParams.has("lang")) continue;
        if (target.pathname === "/logout" || queued.has(target.href)) continue;
        queued.add(target.href);
        queue.push(target.href);
      }
      await checkTemplate(here, key);
    }

    // Every form pattern, once: required fields get a plausible value, then it is submitted as
    // the page would (with its first submit button). Forms that end the session go last.
    const ordered = [...formsSeen.entries()].sort(([a], [b]) =>
      Number(/logout|delete|leave|remove/.test(a)) - Number(/logout|delete|leave|remove/.test(b)));
    for (const [formKey, { page: from, index }] of ordered) {
      if (formKey.endsWith(" /logout")) continue;
      await page.goto(from);
      const form = page.locator("form").nth(index);
      if (!(await form.count())) continue;
      const fields = await form.evaluate((element) => [...element.elements]
        .filter((field) => field.required && !field.value && field.type !== "file")
        .map((field) => ({ id: field.id, name: field.name, type: field.type })));
      for (const field of fields) {
        if (!field.id) continue;
        await page.locator(`[id="${field.id}"]`).fill(plausible(field.type, field.name)).catch(() => {});
      }
      const navigation = page.waitForNavigation({ timeout: 15000 }).catch(() => null);
      await form.evaluate((element) => {
        element.noValidate = true;
        const button = element.querySelector("button[type=submit], button:not([type]), input[type=submit]");
        element.requestSubmit(button || undefined);
      });
      const answer = await navigation;
      counts.forms++;
      if (!answer) continue;  // a form that only the page's script handles
      const status = answer.status();
      const redirected = !!answer.request().redirectedFrom();
      if (status >= 500 || [403, 404, 405].includes(status)) {
        once(`${role} form ${formKey}`, `${role}: the form ${formKey} on ${template(new URL(from))} answers ${status}`);
      } else if (formKey.startsWith("post") && status === 200 && !redirected) {
        once(`${role} prg ${formKey}`, `${role}: the form ${formKey} answers 200 instead of a redirect`);
      } else if ((answer.headers()["content-type"] || "").startsWith("text/html")) {
        await checkPage(page.url(), `the answer to ${formKey}`);
      }
    }
    await context.close();
  }
} catch (error) {
  fail(error.stack || String(error));
} finally {
  await browser.close();
  smtp.close();
  await server.stop();
}
console.log(`${counts.pages} pages opened, ${counts.links} links checked, ${counts.forms} forms submitted, ` +
            `${counts.axe} accessibility checks, ${reported.size} problems`);
console.log(process.exitCode ? "0 passed, 1 failed" : "1 passed, 0 failed");
