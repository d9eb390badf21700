// What the browser tests share: an SMTP peer on loopback that keeps what Andel relays, the
// server started on a fresh SQLite file with the demo data, headless Chromium, signing in, and
// the axe-core check.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFileSync(join(here, "node_modules/axe-core/axe.min.js"), "utf8");

export function fail(message) {
  console.error("FAIL: " + message);
  process.exitCode = 1;
}

// A small SMTP peer on loopback: it takes every mail Andel relays and keeps its recipient and
// decoded body in `mails`.
export async function startSmtpPeer() {
  const mails = [];
  const server = createServer((socket) => {
    let buffer = "";
    let data = null;
    let recipient = "";
    socket.write("220 e2e ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          data += buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          const split = data.indexOf("\r\n\r\n");
          const body = Buffer.from(data.slice(split + 4).replace(/\s+/g, ""), "base64").toString("utf8");
          mails.push({ to: recipient, body });
          data = null;
          socket.write("250 queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "RCPT") recipient = line.replace(/^[^<]*<|>.*$/g, "");
        if (verb === "DATA") {
          data = "";
          socket.write("354 go on\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
        } else {
          socket.write("250 ok\r\n");
        }
      }
    });
    socket.on("error", () => {});
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  // The link to `prefix` in the newest mail to `to`, as a path on the server (waits for the
  // relay, which sends every 5 s).
  const mailedLink = async (to, prefix) => {
    for (let tries = 0; tries < 60; tries++) {
      for (const mail of [...mails].reverse()) {
        const match = mail.to === to && mail.body.match(new RegExp("https?://[^/\\s]+(" + prefix + "\\S+)"));
        if (match) return match[1];
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error("no mail with a " + prefix + " link reached " + to);
  };
  return { port: server.address().port, mails, mailedLink, close: () => server.close() };
}

// Andel serving the demo data from a fresh SQLite file in a directory of its own, relaying mail
// to `smtpPort`. `base` is its address; `database` the SQLite file; `stop()` ends it and removes
// the directory.
export async function startAndel(andel, smtpPort) {
  const work = mkdtempSync(join(tmpdir(), "andel-e2e-"));
  const database = join(work, "e2e.db");
  const server = spawn(andel, ["serve", "--db", `sqlite:${database}`, "--port", "0", "--demo",
                               "--smtp", `127.0.0.1:${smtpPort}`, "--mail-from", "andel@e2e.example"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  server.stderr.on("data", (chunk) => (stderr += chunk));
  const base = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("server did not start: " + stderr)), 60000);
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/running at (http:\/\/[0-9.:]+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  const stop = async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.on("exit", resolve));
    rmSync(work, { recursive: true, force: true });
  };
  return { base, database, stop };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// The demo's accounts, by role.
export const demoAccounts = {
  member: ["member@andel.example", "andel-member-demo"],
  board: ["board@andel.example", "andel-board-demo"],
  admin: ["admin@andel.example", "andel-admin-demo"],
};

// Signs `page` in with the password form.
export async function signIn(page, base, [email, password]) {
  await page.goto(base + "/login?lang=en");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("main button[type=submit]");
  await page.waitForURL(base + "/");
}

// The serious and critical axe-core violations of the page `on` shows, as lines. axe is injected
// as a script tag, which the strict CSP would block: the context must bypass it.
export async function axeViolations(on) {
  // A page still settling after a redirect may navigate once more: then check the page it
  // settles on.
  const run = async () => {
    await on.waitForLoadState("load");
    await on.addScriptTag({ content: axeSource });
    return on.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  };
  let result;
  try {
    result = await run();
  } catch (error) {
    if (!String(error).includes("Execution context was destroyed")) throw error;
    result = await run();
  }
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}
