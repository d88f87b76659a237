#!/usr/bin/env node
/*
 * sioconf interop client for the eio3 profile: drives the official socket.io-client 2.5.0 (npm
 * alias socket.io-client-2, Engine.IO 3 / Socket.IO packet protocol 4) against a server that runs
 * the eio3 server contract, and reports what happened as one JSON line. Same command line and
 * report as modern-client.js, without --auth and the "auth" step: socket.io 2 has no auth
 * object (a client sends query parameters instead), and the server emits nothing on connect.
 *
 * usage:
 *   node eio3-client.js <baseUrl> [--transports polling|websocket|polling,websocket]
 *                                 [--namespace /custom] [--timeout-ms 10000]
 *
 *   --transports  the client's transports option, in order. "polling,websocket" (the default)
 *                 opens on polling and upgrades to websocket: the run then also waits for the
 *                 upgrade and does one more acknowledged echo over the upgraded transport.
 *
 * Scenario, all on <namespace> (default "/"), step by step:
 *   1. connect (forceNew, reconnection off) -> expect the "connect" event of the namespace
 *   2. emit "sendMessage" {text:"hi"}          -> expect "helloBack" {"message":"Hello back!"}
 *   3. emit "echo" <ECHO_ARGS> with an ack     -> expect event "echo" <ECHO_ARGS> and the ack
 *      called with <ECHO_ARGS>
 *   4. emit "message" <MESSAGE_ARGS>           -> expect "message-back" <MESSAGE_ARGS>
 *   5. emit "message-with-ack" <MESSAGE_ARGS> with an ack -> expect the ack with <MESSAGE_ARGS>
 *   6. emit "echo" <BINARY_ARGS> (Buffers, one nested in an object) with an ack -> expect
 *      event and ack with the same bytes
 *   7. upgrade runs only: wait until the engine is on websocket, then emit "echo" "upgraded"
 *      with an ack and expect event and ack
 *
 * stdout: exactly one line of JSON
 *   {"ok","namespace","transport","upgraded","transportsSeen","helloBack","echoEvent","echoAck",
 *    "messageBack","messageAck","binaryEvent","binaryAck","upgradedEchoEvent",
 *    "upgradedEchoAck","error"}
 *   Binary values are written as {"$binary":"<base64>"}. "transport" is the engine's transport
 *   at the end (socket.io.engine.transport.name), "transportsSeen" every transport the engine
 *   used, in order, "upgraded" whether an Engine.IO upgrade completed.
 * exit:   0 success, 1 mismatch / error / bad usage, 2 timeout (whole run bounded by --timeout-ms)
 */
'use strict';

// Whatever the library or its dependencies print must not pollute the JSON line on stdout.
console.log = console.info = console.warn;

const EXPECTED_HELLO = [{ message: 'Hello back!' }];
const ECHO_ARGS = ['ping', 42, { k: [1, 2], s: 'h\u00e9 \u2713', b: true, n: null }, [1.5, -7, 'x']];
const MESSAGE_ARGS = [1, '2', { 3: [true] }];
const BINARY_ARGS = ['bin', Buffer.from([0, 1, 2, 127, 128, 253, 254, 255]), { nested: Buffer.from('sioconf') }];
const UPGRADED_ARGS = ['upgraded'];

const EXIT_OK = 0;
const EXIT_FAIL = 1;
const EXIT_TIMEOUT = 2;

const report = {
  ok: false,
  namespace: null,
  transport: null,
  upgraded: false,
  transportsSeen: [],
  helloBack: null,
  echoEvent: null,
  echoAck: null,
  messageBack: null,
  messageAck: null,
  binaryEvent: null,
  binaryAck: null,
  upgradedEchoEvent: null,
  upgradedEchoAck: null,
  error: null,
};

let socket = null;
let finished = false;
let overallTimer = null;
let stage = 'start';

function engine() {
  try {
    return socket && socket.io && socket.io.engine ? socket.io.engine : null;
  } catch (e) {
    return null;
  }
}

function currentTransport() {
  const e = engine();
  return e && e.transport && e.transport.name ? String(e.transport.name) : null;
}

function finish(code, error) {
  if (finished) return;
  finished = true;
  if (overallTimer) clearTimeout(overallTimer);
  const seen = currentTransport();
  if (seen) report.transport = seen;
  report.ok = code === EXIT_OK;
  report.error = error == null ? null : String(error);
  const line = JSON.stringify(report) + '\n';
  let exited = false;
  const leave = () => {
    if (exited) return;
    exited = true;
    process.exit(code);
  };
  try {
    if (socket) socket.disconnect();
  } catch (e) {
    // leaving anyway
  }
  process.stdout.write(line, () => setTimeout(leave, 100));
  setTimeout(leave, 1000).unref();
}

function parseArgs(argv) {
  const opts = { baseUrl: null, transports: ['polling', 'websocket'], namespace: '/', timeoutMs: 10000 };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value = null;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const needValue = () => {
      if (value !== null) return value;
      if (i + 1 >= argv.length) throw new Error('missing value for ' + arg);
      return argv[++i];
    };
    if (arg === '--transports') {
      opts.transports = needValue().split(',').map((s) => s.trim()).filter((s) => s.length > 0);
      if (opts.transports.length === 0) throw new Error('--transports is empty');
      for (const t of opts.transports) {
        if (t !== 'polling' && t !== 'websocket') throw new Error('unknown transport ' + t);
      }
    } else if (arg === '--namespace') {
      opts.namespace = needValue();
      if (!opts.namespace.startsWith('/')) opts.namespace = '/' + opts.namespace;
    } else if (arg === '--timeout-ms') {
      const raw = needValue();
      opts.timeoutMs = Number(raw);
      if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) throw new Error('bad --timeout-ms: ' + raw);
    } else if (arg.startsWith('--')) {
      throw new Error('unknown option ' + arg);
    } else if (opts.baseUrl === null) {
      opts.baseUrl = arg;
    } else {
      throw new Error('unexpected argument ' + arg);
    }
  }
  if (!opts.baseUrl) throw new Error('baseUrl is required');
  return opts;
}

// A JSON-safe copy: Buffers (and other byte views) become {"$binary": base64}.
function plain(value) {
  if (Buffer.isBuffer(value) || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = Buffer.isBuffer(value) ? value
      : value instanceof ArrayBuffer ? Buffer.from(value)
        : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return { $binary: bytes.toString('base64') };
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) out[key] = plain(value[key]);
    return out;
  }
  return value;
}

// Structural equality of JSON values (object key order does not matter).
function sameJson(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k], b[k]));
}

// Callback arguments as a plain array, without a trailing ack function.
function argsOf(args) {
  const list = Array.from(args);
  while (list.length && typeof list[list.length - 1] === 'function') list.pop();
  return plain(list);
}

// Resolves with the first call of `event`'s arguments; the step fails on a mismatch.
function expectEvent(event, field, expected) {
  return new Promise((resolve) => {
    socket.once(event, (...args) => {
      report[field] = argsOf(args);
      if (!sameJson(report[field], plain(expected))) {
        finish(EXIT_FAIL, event + ' mismatch: ' + JSON.stringify(report[field]));
        return;
      }
      resolve();
    });
  });
}

// Emits `event` with `args` and an ack; resolves when the ack came with `expected`.
function emitWithAck(event, args, field, expected) {
  return new Promise((resolve) => {
    socket.emit(event, ...args, (...ackArgs) => {
      report[field] = argsOf(ackArgs);
      if (!sameJson(report[field], plain(expected))) {
        finish(EXIT_FAIL, event + ' ack mismatch: ' + JSON.stringify(report[field]));
        return;
      }
      resolve();
    });
  });
}

function waitForUpgrade() {
  return new Promise((resolve) => {
    if (currentTransport() === 'websocket') {
      resolve();
      return;
    }
    const e = engine();
    e.once('upgrade', () => resolve());
    e.once('upgradeError', (err) => finish(EXIT_FAIL, 'upgrade failed: ' + (err && err.message ? err.message : err)));
  });
}

async function scenario(opts) {
  stage = 'waiting for helloBack';
  const hello = expectEvent('helloBack', 'helloBack', EXPECTED_HELLO);
  socket.emit('sendMessage', { text: 'hi' });
  await hello;

  stage = 'waiting for the echo event and its ack';
  let echoed = expectEvent('echo', 'echoEvent', ECHO_ARGS);
  await Promise.all([echoed, emitWithAck('echo', ECHO_ARGS, 'echoAck', ECHO_ARGS)]);

  stage = 'waiting for message-back';
  const back = expectEvent('message-back', 'messageBack', MESSAGE_ARGS);
  socket.emit('message', ...MESSAGE_ARGS);
  await back;

  stage = 'waiting for the message-with-ack ack';
  await emitWithAck('message-with-ack', MESSAGE_ARGS, 'messageAck', MESSAGE_ARGS);

  stage = 'waiting for the binary echo event and its ack';
  echoed = expectEvent('echo', 'binaryEvent', BINARY_ARGS);
  await Promise.all([echoed, emitWithAck('echo', BINARY_ARGS, 'binaryAck', BINARY_ARGS)]);

  if (opts.transports.length > 1 && opts.transports[0] === 'polling') {
    stage = 'waiting for the upgrade to websocket';
    await waitForUpgrade();
    stage = 'waiting for the echo event and its ack after the upgrade';
    echoed = expectEvent('echo', 'upgradedEchoEvent', UPGRADED_ARGS);
    await Promise.all([echoed, emitWithAck('echo', UPGRADED_ARGS, 'upgradedEchoAck', UPGRADED_ARGS)]);
  }
  finish(EXIT_OK, null);
}

function run(opts) {
  const io = require('socket.io-client-2');
  const url = opts.baseUrl.replace(/\/+$/, '') + (opts.namespace === '/' ? '' : opts.namespace);

  overallTimer = setTimeout(() => {
    finish(EXIT_TIMEOUT, 'timeout after ' + opts.timeoutMs + ' ms while ' + stage);
  }, opts.timeoutMs);

  stage = 'connecting to ' + url;
  const options = {
    forceNew: true,
    reconnection: false,
    transports: opts.transports,
    upgrade: true,
    timeout: opts.timeoutMs,
  };
  socket = io(url, options);

  // Record every transport the engine takes (the first one, then the upgrade, if any).
  socket.io.on('open', () => {
    const e = engine();
    const name = currentTransport();
    if (name) report.transportsSeen.push(name);
    e.on('upgrade', (t) => {
      report.upgraded = true;
      report.transportsSeen.push(t && t.name ? String(t.name) : currentTransport());
    });
  });

  socket.once('connect', () => {
    report.namespace = socket.nsp;
    report.transport = currentTransport();
    scenario(opts).catch((err) => finish(EXIT_FAIL, 'scenario failed: ' + (err && err.stack ? err.stack : err)));
  });
  socket.on('connect_error', (err) => {
    finish(EXIT_FAIL, 'connect_error: ' + (err && err.message ? err.message : err));
  });
  socket.on('connect_timeout', () => {
    finish(EXIT_TIMEOUT, 'connect_timeout while ' + stage);
  });
  // socket.io-client 2 reports an ERROR packet of the namespace (e.g. "Invalid namespace") as "error".
  socket.on('error', (err) => {
    finish(EXIT_FAIL, 'error: ' + (err && err.message ? err.message : typeof err === 'string' ? err : JSON.stringify(err)));
  });
  socket.on('disconnect', (reason) => {
    if (!finished) finish(EXIT_FAIL, 'disconnected while ' + stage + ': ' + reason);
  });
}

process.on('uncaughtException', (err) => {
  finish(EXIT_FAIL, 'uncaught exception: ' + (err && err.stack ? err.stack : err));
});

let parsed = null;
try {
  parsed = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(e.message + '\nusage: node eio3-client.js <baseUrl> [--transports polling|websocket|polling,websocket]'
    + ' [--namespace /custom] [--timeout-ms 10000]\n');
  finish(EXIT_FAIL, 'usage: ' + e.message);
}
if (parsed) run(parsed);
