#!/usr/bin/env node
/*
 * sioconf deployment probe: how long the official socket.io-client 4.8.1 (npm alias
 * socket.io-client-4), set up as an application would set it up, takes from io() to the first
 * answer of the contract of spec/eio4.md section 23 (emit "sendMessage", receive "helloBack"),
 * through a front end. Runs several times and reports every time and the median.
 *
 * usage:
 *   node deploy/time-to-hello.js <baseUrl> [--transports polling,websocket] [--try-all-transports]
 *                                [--runs 5] [--timeout-ms 15000]
 *
 *   --transports          the client's transports option, in order (its default: polling,websocket)
 *   --try-all-transports  the client's tryAllTransports option: when the first transport fails,
 *                         try the next (off by default in socket.io-client 4.8)
 *   --runs                how many connections, one after the other
 *   --timeout-ms          the bound of each run; a run without helloBack by then counts as failed
 *
 * The client keeps its other defaults, reconnection included: a client that cannot connect
 * retries with backoff until the run's bound.
 *
 * stdout: exactly one line of JSON
 *   {"transports","tryAllTransports","runs":[{"ms","transport"} or {"error"}],"connected","medianMs"}
 *   "transport" is the engine's transport when helloBack came; "medianMs" is null when a run failed.
 * exit:   0 when the runs ended (connected or not), 1 bad usage
 */
'use strict';

console.log = console.info = console.warn;

const { io } = require('socket.io-client-4');

function parse(argv) {
  const opts = { baseUrl: null, transports: null, tryAllTransports: false, runs: 5, timeoutMs: 15000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(arg + ' needs a value');
      return argv[++i];
    };
    if (arg === '--transports') {
      opts.transports = value().split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    } else if (arg === '--try-all-transports') {
      opts.tryAllTransports = true;
    } else if (arg === '--runs') {
      opts.runs = Number(value());
    } else if (arg === '--timeout-ms') {
      opts.timeoutMs = Number(value());
    } else if (!arg.startsWith('--') && opts.baseUrl === null) {
      opts.baseUrl = arg;
    } else {
      throw new Error('unknown argument ' + arg);
    }
  }
  if (!opts.baseUrl) throw new Error('baseUrl is required');
  if (!Number.isInteger(opts.runs) || opts.runs < 1 || opts.runs > 50) throw new Error('--runs must be 1 to 50');
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) throw new Error('--timeout-ms must be above 0');
  return opts;
}

function once(opts) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const clientOpts = { forceNew: true, tryAllTransports: opts.tryAllTransports };
    if (opts.transports) clientOpts.transports = opts.transports;
    const socket = io(opts.baseUrl, clientOpts);
    let lastError = null;
    const done = (result) => {
      clearTimeout(timer);
      socket.disconnect();
      resolve(result);
    };
    const timer = setTimeout(() => done({ error: 'no helloBack within ' + opts.timeoutMs + ' ms'
        + (lastError ? ' (last connect_error: ' + lastError + ')' : '') }), opts.timeoutMs);
    socket.on('connect_error', (e) => { lastError = String(e && e.message || e); });
    socket.on('connect', () => socket.emit('sendMessage', { text: 'hi' }));
    socket.on('helloBack', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      done({ ms: Math.round(ms), transport: socket.io.engine.transport.name });
    });
  });
}

async function main() {
  let opts;
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    process.stderr.write('time-to-hello.js: ' + e.message + '\n');
    process.exit(1);
  }
  const runs = [];
  for (let i = 0; i < opts.runs; i++) {
    runs.push(await once(opts));
  }
  const times = runs.filter((r) => r.ms !== undefined).map((r) => r.ms).sort((a, b) => a - b);
  const connected = times.length;
  const medianMs = connected === runs.length ? times[Math.floor((times.length - 1) / 2)] : null;
  process.stdout.write(JSON.stringify({ transports: opts.transports || ['polling', 'websocket'],
    tryAllTransports: opts.tryAllTransports, runs, connected, medianMs }) + '\n');
  process.exit(0);
}

main();
