// Browser test: starts Andel with the demo data on a fresh SQLite file and an SMTP peer of its
// own, then in Debian's headless Chromium signs in, opens a community, filters members, switches
// language, casts a ranked ballot with the keyboard only, signs a newcomer up by the link mailed
// to them, lets them join and vote in a vote the board opens after, turns on two-step sign-in for
// them and signs them in with a recovery code, and checks the main pages with axe-core (no serious or critical violation). Saves
// screenshots.
//   node run.mjs PATH/TO/andel SCREENSHOT_DIR
import { createHmac } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { axeViolations, fail, launchChromium, startAndel, startSmtpPeer } from "./harness.mjs";

const [andel, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));

// The TOTP code (RFC 6238: HMAC-SHA1, 30-second steps, six digits) of a base32 key at `seconds`,
// as an authenticator app computes it.
function totp(key, seconds) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of key) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
  const mac = createHmac("sha1", Buffer.from(bytes)).update(counter).digest();
  const offset = mac[19] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, "0");
}

const smtp = await startSmtpPeer();
const mailedLink = smtp.mailedLink;
const andelServer = await startAndel(andel, smtp.port);
const base = andelServer.base;
const browser = await launchChromium();
let checks = 0;
try {
  // axe is injected as a script tag, which the strict CSP would block: bypass it for the check.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const axe = async (name, on = page) => {
    for (const line of await axeViolations(on)) fail(`${name}: ${line}`);
    checks++;
  };

  await page.goto(base + "/login");
  await axe("login");
  await page.fill("#email", "member@andel.example");
  await page.fill("#password", "andel-member-demo");
  await page.keyboard.press("Enter");
  await page.waitForURL(base + "/");
  if (!(await page.textContent("body")).includes("Partnerskabet for Kreativ Andel Aarhus")) fail("home lacks the partnership");
  await page.screenshot({ path: join(shots, "home.png"), fullPage: true });
  await axe("home");

  await page.click("ul.cards a:has-text('Partnerskabet for Kreativ Andel Aarhus')");
  await page.waitForURL(/\/c\/aarhus-partnerskab$/);
  await axe("community");
  await page.screenshot({ path: join(shots, "community.png"), fullPage: true });

  await page.click("text=See the members");
  await page.waitForURL(/\/members/);
  const allRows = await page.locator("table.members tbody tr").count();
  await page.selectOption("#category", "research");  // progressive enhancement submits the form
  await page.waitForURL(/category=research/);
  const categories = await page.locator("table.members tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.category));
  if (categories.length === 0 || categories.some((c) => c !== "research")) fail("category filter shows other categories: " + categories);
  if (categories.length >= allRows) fail("the filter did not narrow the list");
  await axe("members");
  await page.screenshot({ path: join(shots, "members-filtered.png"), fullPage: true });

  await page.fill("#q", "jensen");
  await page.keyboard.press("Enter");
  await page.waitForURL(/q=jensen/);

  await page.click("a[hreflang=da]");
  await page.waitForURL(/lang=da/);
  const heading = await page.textContent("h1");
  if (heading.trim() !== "Medlemmer") fail("language switch: heading is " + heading);
  if ((await page.getAttribute("html", "lang")) !== "da") fail("html lang is not da");
  await page.screenshot({ path: join(shots, "members-da.png"), fullPage: true });
  await page.goto(base + "/account");
  await axe("account");
  if (!(await page.textContent("h1")).includes("Din konto")) fail("the account language did not stick");

  await page.click("a[hreflang=nl]");
  await page.goto(base + "/c/voedselcoop-oost");
  if (!(await page.textContent("body")).includes("Leden")) fail("Dutch pages lack Dutch text");
  await page.screenshot({ path: join(shots, "community-nl.png"), fullPage: true });

  // Board pages, on a narrow screen.
  const admin = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
  const phone = await admin.newPage();
  await phone.goto(base + "/login");
  await phone.fill("#email", "admin@andel.example");
  await phone.fill("#password", "andel-admin-demo");
  await phone.click("main button[type=submit]");
  await phone.waitForURL(base + "/");
  await phone.goto(base + "/c/aarhus-partnerskab/admin?lang=en");
  await phone.screenshot({ path: join(shots, "admin-phone.png"), fullPage: false });
  for (const path of ["admin", "admin/members", "admin/categories", "admin/import", "admin/audit"]) {
    await phone.goto(`${base}/c/aarhus-partnerskab/${path}`);
    await axe(path, phone);
  }
  // A bad CSV is refused with every problem listed, and nothing is imported.
  await phone.goto(base + "/c/aarhus-partnerskab/admin/import");
  await phone.setInputFiles("#file", {
    name: "members.csv", mimeType: "text/csv",
    buffer: Buffer.from("email,name,category\nok@x.dk,Ok,citizen\nbroken,Bad,citizen\n"),
  });
  await phone.click("main button[type=submit]");
  if (!(await phone.textContent("main")).includes("line 3, column email")) fail("import errors not shown");
  await phone.screenshot({ path: join(shots, "import-errors.png"), fullPage: true });
  await phone.setViewportSize({ width: 1280, height: 900 });
  await phone.goto(base + "/c/aarhus-partnerskab/admin/audit");
  if (!(await phone.textContent("main")).includes("Voted on")) fail("audit log lacks the votes");
  await phone.screenshot({ path: join(shots, "audit-log.png"), fullPage: false });
  await axe("import errors", phone);
  // A large fund imported by the board on a 360 px phone, in Danish: its page says the result is
  // being computed while it is (the import answers before its result is stored), then shows it.
  await phone.setViewportSize({ width: 360, height: 780 });
  await phone.goto(base + "/c/aarhus-partnerskab/funds?lang=da");
  await phone.fill("#import-title", "Kraków 2024");
  await phone.setInputFiles("#import-file", join(here, "../../../shared/data/pabulib/Poland_Krakow_2024.pb"));
  await phone.click('form[action$="/funds/import"] button[type=submit]');
  await phone.waitForURL(/\/funds\/\d+/);
  let imported = await phone.textContent("main");
  if (imported.includes("Resultatet bliver beregnet")) {
    await phone.screenshot({ path: join(shots, "fund-computing-da-360.png"), fullPage: false });
    await axe("fund being computed", phone);
    console.log("seen: the imported fund's result being computed");
  }
  const fundUrl = phone.url().replace(/\?.*$/, "");
  // The page may reload itself meanwhile; a navigation it interrupts is simply tried again.
  for (let tries = 0; tries < 120 && !imported.includes("Finansieret i runde"); tries++) {
    await phone.waitForTimeout(500);
    try {
      await phone.goto(fundUrl);
      imported = await phone.textContent("main");
    } catch (error) {
      if (!String(error).includes("interrupted by another navigation")) throw error;
    }
  }
  if (!imported.includes("Finansieret i runde")) fail("the imported fund's result did not appear");
  await admin.close();

  // A ranked ballot cast with the keyboard only: Tab to the options, choose rank numbers with
  // the arrow keys, move an option with its button, and submit with Enter.
  const voterContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const voter = await voterContext.newPage();
  await voter.goto(base + "/login?lang=en");
  await voter.fill("#email", "board@andel.example");
  await voter.fill("#password", "andel-board-demo");
  await voter.keyboard.press("Enter");
  await voter.waitForURL(base + "/");
  await voter.goto(base + "/c/aarhus-partnerskab/proposals?lang=en");
  await axe("proposals", voter);
  await voter.click("text=Tema for årets partnerforum");
  await voter.waitForURL(/\/proposals\/\d+$/);
  const tabTo = async (matches, what) => {
    for (let i = 0; i < 150; i++) {
      await voter.keyboard.press("Tab");
      if (await voter.evaluate(matches)) return;
    }
    throw new Error("could not reach " + what + " with Tab");
  };
  await tabTo(() => document.activeElement?.id === "rank-3", "the third option's rank");
  await voter.keyboard.press("ArrowDown");  // "not ranked" → 1
  await tabTo(() => document.activeElement?.id === "rank-1", "the first option's rank");
  await voter.keyboard.press("ArrowDown");
  await voter.keyboard.press("ArrowDown");  // → 2
  // The option now second is "Job til dem…" (unranked): its move-up button ranks it above the first.
  await tabTo(() => document.activeElement?.getAttribute("aria-label")?.startsWith("Move up: Job til dem"), "a move-up button");
  await voter.keyboard.press("Enter");
  const order = await voter.locator("ol[data-ranking] li label").allTextContents();
  if (order[0] !== "Kultur som fællesskab" || order[1] !== "Job til dem, der står længst fra") fail("keyboard ranking order: " + order);
  await axe("vote form", voter);
  await voter.screenshot({ path: join(shots, "vote-ranked.png"), fullPage: true });
  await tabTo(() => document.activeElement?.textContent === "Cast my vote", "the submit button");
  await voter.keyboard.press("Enter");
  await voter.waitForSelector("code.receipt");
  const receipt = (await voter.textContent("code.receipt")).trim();
  if (!/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(receipt)) fail("receipt looks wrong: " + receipt);
  const castText = await voter.textContent("main");
  if (!castText.includes("1. Kultur som fællesskab · 2. Job til dem, der står længst fra · 3. Grøn omstilling i boligområder")) fail("the cast ballot is not what was ranked: " + castText);
  await voter.screenshot({ path: join(shots, "vote-cast.png"), fullPage: true });
  await voter.click("text=Check the list of receipts");
  if ((await voter.locator("li.mine code").textContent()).trim() !== receipt) fail("the receipt is not marked on the public list");
  await axe("receipts", voter);
  await voter.goto(base + "/c/aarhus-partnerskab/proposals/2/results");
  await axe("stv results", voter);
  await voter.screenshot({ path: join(shots, "results-stv.png"), fullPage: true });
  await voter.goto(base + "/c/aarhus-partnerskab/proposals/1/minutes");
  await axe("minutes", voter);

  // Partners: matches with their reasons; accepting one makes it a partner.
  await voter.goto(base + "/c/aarhus-partnerskab/partners");
  await axe("partners", voter);
  const offered = await voter.locator("li.match").count();
  if (offered === 0) fail("the demo board member has no matches");
  const firstName = (await voter.locator("li.match strong").first().textContent()).trim();
  await voter.screenshot({ path: join(shots, "partners.png"), fullPage: true });
  await voter.locator("li.match button[value=accepted]").first().click();
  await voter.waitForURL(/notice=/);
  const partnersText = await voter.textContent("main");
  if (!partnersText.includes("Your partners") || !partnersText.includes(firstName)) fail("the accepted match is not a partner");

  // Circles: the demo's published circle, then a new draft formed by the board.
  await voter.goto(base + "/c/aarhus-partnerskab/circles");
  if (!(await voter.textContent("main")).includes("Your circle")) fail("the board member has no circle");
  await axe("circles", voter);
  await voter.click("text=Form a draft");
  await voter.waitForURL(/notice=/);
  if (!(await voter.textContent("main")).includes("every circle is mixed and balanced")) fail("the draft is not balanced");
  await axe("circles draft", voter);
  await voter.screenshot({ path: join(shots, "circles-draft.png"), fullPage: false });
  await voter.goto(base + "/c/aarhus-partnerskab/consortia?needs=Legal+advice,Data+analysis,Solar+power&min_categories=3");
  if (!(await voter.textContent("main")).includes("No smaller team can do it.")) fail("no consortium found");
  await axe("consortia", voter);
  await voter.screenshot({ path: join(shots, "consortium.png"), fullPage: true });
  await voter.goto(base + "/c/aarhus-partnerskab/admin/competences");
  await axe("competences", voter);

  // Funds: the partnership's open fund, voted with the keyboard only; the live total follows and
  // a project that no longer fits is disabled. Then the co-creation house's result.
  await voter.goto(base + "/c/aarhus-partnerskab/funds");
  await axe("funds", voter);
  await voter.click("text=Partnerskabets fællespulje 2027");
  await axe("fund vote", voter);
  const boxes = voter.locator("form.fund-ballot input[type=checkbox]");
  await boxes.nth(0).focus();
  await voter.keyboard.press("Space");
  await voter.keyboard.press("Tab");
  await voter.keyboard.press("Tab");
  await voter.keyboard.press("Space");
  const total = await voter.textContent(".ballot-total");
  if (!total.includes("74")) fail(`the live total shows ${total}`);
  if (!(await boxes.nth(1).isDisabled())) fail("a project over the fund's limit can still be chosen");
  await voter.keyboard.press("Shift+Tab");
  await voter.focus("form.fund-ballot button[type=submit]");
  await voter.keyboard.press("Enter");
  await voter.waitForURL(/notice=/);
  if (!(await voter.textContent("main")).includes("You have voted")) fail("the fund ballot was not saved");
  if (!(await boxes.nth(2).isChecked())) fail("the saved ballot is not shown again");
  await voter.goto(base + "/c/roskilde-samskabelse/funds/1");
  const result = await voter.textContent("main");
  if (!result.includes("Funded in round 1") || !result.includes("Not funded: in round")) fail("the fund's result lacks its explanations");
  await axe("fund result", voter);
  await voter.screenshot({ path: join(shots, "fund-result.png"), fullPage: true });
  // Impact: the co-creation house's dashboard (charts with their figures, progress rings), an
  // indicator's page reached with the keyboard, with the demo's correction marked; in Danish too.
  await voter.goto(base + "/c/roskilde-samskabelse/impact");
  const impact = await voter.textContent("main");
  if (!impact.includes("People into jobs") || !impact.includes("Progress")) fail("the impact dashboard lacks its indicators");
  if ((await voter.locator("main svg.chart").count()) < 8) fail("the impact dashboard lacks its charts");
  await axe("impact", voter);
  await voter.screenshot({ path: join(shots, "impact.png"), fullPage: false });
  if (!impact.includes("Goals and their parts")) fail("the impact dashboard lacks the goal measured by its parts");
  await voter.focus('a[href$="/impact/indicators/3"]');
  await voter.keyboard.press("Enter");
  await voter.waitForURL(/impact\/indicators\/3$/);
  const indicator = await voter.textContent("main");
  if (!indicator.includes("corrected by")) fail("the indicator's page does not mark the correction");
  if (!indicator.includes("Morgenkaffe for ledige")) fail("the indicator's page lacks the fund project expected to move it");
  await axe("indicator", voter);
  // The house's initiatives by stage; one reached with the keyboard, with what it is expected to
  // move.
  await voter.goto(base + "/c/roskilde-samskabelse/initiatives");
  if (!(await voter.textContent("main")).includes("Operating")) fail("the initiatives lack their stages");
  await axe("initiatives", voter);
  await voter.focus('a:text("Morgenkaffe for ledige med gåpåmod")');
  await voter.keyboard.press("Enter");
  await voter.waitForURL(/initiatives\/\d+$/);
  if (!(await voter.textContent("main")).includes("People into jobs")) fail("the initiative's page lacks the indicator it is expected to move");
  await axe("initiative", voter);
  // A municipal programme's roll-up of the communities reporting to it.
  await voter.goto(base + "/c/coop-incubator/impact/programme");
  const rollup = await voter.textContent("main");
  if (!rollup.includes("Programme roll-up") || !rollup.includes("Voedselcoöperatie Amsterdam-Oost")) fail("the programme's roll-up lacks its communities");
  if ((await voter.locator("main svg.chart").count()) < 3) fail("the programme's roll-up lacks its charts");
  await axe("programme roll-up", voter);
  await voter.screenshot({ path: join(shots, "programme-rollup.png"), fullPage: false });
  await voter.goto(base + "/c/roskilde-samskabelse/impact?lang=da");
  if (!(await voter.textContent("main")).includes("Personer i job")) fail("the impact dashboard is not in Danish");
  await voterContext.close();

  // A newcomer signs up on a phone: the page only says a link was mailed; the link (read from
  // the SMTP peer) leads to choosing a password; then the newcomer joins a community.
  const newcomerContext = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 780 } });
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(base + "/signup?lang=en");
  await axe("sign-up", newcomer);
  await newcomer.fill("#name", "Nadia Nykommer");
  await newcomer.fill("#email", "nadia@e2e.example");
  await newcomer.click("main button[type=submit]");
  await newcomer.waitForURL(/\/signup\?sent=1/);
  if (!(await newcomer.textContent("main")).includes("Check your mail")) fail("sign-up does not say to check the mail");
  await newcomer.screenshot({ path: join(shots, "signup-sent-360.png"), fullPage: false });
  const signupLink = await mailedLink("nadia@e2e.example", "/signup/");
  await newcomer.goto(base + signupLink);
  if ((await newcomer.inputValue("#name")) !== "Nadia Nykommer") fail("the mailed link lost the name");
  await axe("choose a password", newcomer);
  await newcomer.fill("#password", "short");
  await newcomer.click("main button[type=submit]");
  if ((await newcomer.inputValue("#name")) !== "Nadia Nykommer") fail("a short password lost the name");
  await newcomer.fill("#password", "nadia-has-a-long-password");
  await newcomer.click("main button[type=submit]");
  await newcomer.waitForURL(/notice=/);
  await newcomer.goto(base + "/c/roskilde-samskabelse");
  await newcomer.locator("form[action$='/join'] button[type=submit]").click();
  await newcomer.waitForURL(/notice=/);
  if (!(await newcomer.textContent("main")).includes("You are now a member.")) fail("the newcomer could not join");
  await newcomer.screenshot({ path: join(shots, "newcomer-joined-360.png"), fullPage: false });

  // The board puts a proposal to a vote after the newcomer joined; the newcomer, on the voter
  // roll fixed as it opens, casts a counted ballot.
  const boardContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const board = await boardContext.newPage();
  await board.goto(base + "/login?lang=en");
  await board.fill("#email", "admin@andel.example");
  await board.fill("#password", "andel-admin-demo");
  await board.keyboard.press("Enter");
  await board.waitForURL(base + "/");
  await board.goto(base + "/c/roskilde-samskabelse/proposals");
  await board.fill("#title", "Longer opening hours on Saturdays");
  await board.fill("#body", "Open the house from 9 to 17 on **Saturdays**.");
  await board.click("form[method=post][action$='/proposals'] button[type=submit]");
  await board.waitForURL(/\/proposals\/\d+\?notice=/);
  const proposalPath = new URL(board.url()).pathname;
  await board.selectOption("#method", "motion");
  const tomorrow = new Date(Date.now() + 36 * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, "0");
  await board.fill("#closes_at", `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T18:00`);
  await board.click("form.decide button[type=submit]");
  await board.waitForURL(/notice=/);
  // A form with a mistake comes back with everything typed and the error at its field.
  await board.goto(base + "/c/roskilde-samskabelse/funds");
  await board.fill("#fund-title", "Kick-start");
  await board.fill("#fund-amount", "lots");
  await board.selectOption("#fund-ballot", "cumulative");
  await board.selectOption("#fund-rule", "greedy");
  await board.click("form[action$='/funds'] button[type=submit]");
  await board.waitForLoadState("load");
  if ((await board.inputValue("#fund-ballot")) !== "cumulative") fail("the fund's ballot type was lost after an error");
  if ((await board.inputValue("#fund-rule")) !== "greedy") fail("the fund's rule was lost after an error");
  if ((await board.inputValue("#fund-title")) !== "Kick-start") fail("the fund's title was lost after an error");
  if ((await board.getAttribute("#fund-amount", "aria-describedby")) !== "fund-amount-error") fail("the amount's error is not tied to its field");
  await board.click(".error-summary a[href='#fund-amount']");
  await axe("a form shown again with its error", board);
  await board.screenshot({ path: join(shots, "form-error-desktop.png"), fullPage: false });
  await newcomer.goto(base + proposalPath);
  await axe("a vote, on a phone", newcomer);
  await newcomer.check("input[name=choice][value=yes]");
  await newcomer.click("form[action$='/vote'] button[type=submit]");
  await newcomer.waitForLoadState("load");
  if (!(await newcomer.textContent("main")).includes("Your vote is counted")) fail("the newcomer's vote was not counted");
  // Post/Redirect/Get: the receipt page is a page of its own, and its language switcher works.
  if (!newcomer.url().endsWith(proposalPath + "/vote")) fail(`a cast vote left the browser at ${newcomer.url()}`);
  const switched = await newcomer.goto(new URL(await newcomer.getAttribute("nav.languages a[lang=da]", "href"), newcomer.url()).href);
  if (switched.status() !== 200) fail(`the language switcher after a vote answered ${switched.status()}`);
  if (!(await newcomer.textContent("main")).includes("Din kvittering")) fail("the receipt page did not switch to Danish");
  await newcomer.goto(base + proposalPath + "/vote?lang=en");
  await newcomer.screenshot({ path: join(shots, "newcomer-voted-360.png"), fullPage: false });
  await boardContext.close();

  // The newcomer turns on two-step sign-in on the phone, then signs in again with a recovery
  // code.
  await newcomer.goto(base + "/account/two-step");
  await axe("two-step sign-in, off", newcomer);
  await newcomer.fill("#setup-password", "nadia-has-a-long-password");
  await newcomer.click("form[action$='/setup'] button[type=submit]");
  await newcomer.waitForURL(/\/account\/two-step$/);
  await axe("two-step sign-in, the QR code", newcomer);
  await newcomer.screenshot({ path: join(shots, "two-step-setup-360.png"), fullPage: true });
  const key = (await newcomer.textContent("code.secret-key")).replace(/\s/g, "");
  await newcomer.fill("#confirm-code", totp(key, Date.now() / 1000));
  await newcomer.click("form[action$='/confirm'] button[type=submit]");
  await newcomer.waitForLoadState("load");
  const codes = await newcomer.locator("ul.codes code").allTextContents();
  if (codes.length !== 10) fail(`two-step sign-in gave ${codes.length} recovery codes, not 10`);
  await axe("two-step sign-in, the recovery codes", newcomer);
  // On a phone, signing out is in the menu.
  await newcomer.click("details.menu summary");
  await newcomer.locator("details.menu form[action='/logout'] button").click();
  await newcomer.waitForLoadState("load");
  await newcomer.goto(base + "/login");
  await newcomer.fill("#email", "nadia@e2e.example");
  await newcomer.fill("#password", "nadia-has-a-long-password");
  await newcomer.keyboard.press("Enter");
  await newcomer.waitForURL(/\/login\/code$/);
  await axe("the code after the password", newcomer);
  await newcomer.click("a[href='/login/code?recovery=1']");
  await newcomer.fill("#code", codes[0]);
  await newcomer.keyboard.press("Enter");
  await newcomer.waitForURL(base + "/");
  if (!(await newcomer.textContent("body")).includes("Nadia Nykommer")) fail("the recovery code did not sign the newcomer in");
  await newcomerContext.close();
} catch (error) {
  fail(error.stack || String(error));
} finally {
  await browser.close();
  smtp.close();
  await andelServer.stop();
}
console.log(`${checks} accessibility checks; screenshots in ${shots}`);
console.log(process.exitCode ? "0 passed, 1 failed" : "1 passed, 0 failed");
