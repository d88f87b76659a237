// Runs the client contract in headless Chromium: socket.io-client 4.8.1's browser bundle on the
// page browser-client.html, served from a free port on 127.0.0.1, pointed at SIOCONF_URL.
// Usage: SIOCONF_URL=http://127.0.0.1:PORT node browser-client.js [path/to/chromium]
"use strict";

const http = require("http");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn } = require("child_process");

const url = process.env.SIOCONF_URL;
if (!url) {
  console.error("SIOCONF_URL is not set");
  process.exit(2);
}
const chromium = process.argv[2] || process.env.CHROMIUM || "/usr/bin/chromium";
const files = {
  "/": [path.join(__dirname, "browser-client.html"), "text/html; charset=utf-8"],
  "/socket.io.min.js": [path.join(__dirname, "..", "node_modules", "socket.io-client-4", "dist", "socket.io.min.js"), "text/javascript"],
};

const pages = http.createServer((req, res) => {
  const file = files[req.url.split("?")[0]];
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "Content-Type": file[1] });
  fs.createReadStream(file[0]).pipe(res);
});

pages.listen(0, "127.0.0.1", () => {
  const page = `http://127.0.0.1:${pages.address().port}/?url=${encodeURIComponent(url)}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "sioconf-chromium-"));
  // Chromium's own temporary files (its singleton socket's org.chromium.Chromium.* folder, which a
  // killed browser leaves behind) go inside the profile, so that removing the profile removes them
  const scratch = path.join(profile, "tmp");
  fs.mkdirSync(scratch);
  const browser = spawn(chromium, ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--enable-logging=stderr", "--v=0", `--user-data-dir=${profile}`, page],
  { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, TMPDIR: scratch } });
  // the page's console and errors, not Chromium's own chatter
  browser.stderr.on("data", (d) => String(d).split("\n").filter((l) => l.includes("CONSOLE")).forEach((l) => console.log(l)));
  browser.on("error", (e) => {
    console.error(`cannot start ${chromium}: ${e.message}`);
    process.exit(2);
  });
  // the profile goes however this ends: stopped by sioconf (which may stop chromium first), or chromium gone
  process.on("exit", () => fs.rmSync(profile, { recursive: true, force: true }));
  browser.on("exit", (code) => {
    console.log(`chromium exited with ${code}`);
    process.exit(1);
  });
  const stop = () => {
    browser.kill("SIGKILL");
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
});
