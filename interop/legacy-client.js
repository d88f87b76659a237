#!/usr/bin/env node
/*
 * sioconf interop client: drives the official socket.io-client 0.9.16
 * against a server under test and reports what happened as one JSON line.
 *
 * usage:
 *   node legacy-client.js <baseUrl> [--transports websocket,xhr-polling]
 *                                   [--endpoint /custom] [--timeout-ms 10000]
 *                                   [--no-transport-fix]
 *
 * Scenario (on the default endpoint, or on <endpoint> when given):
 *   1. connect
 *   2. emit "sendMessage" {text:"hi"}       -> expect "helloBack" {"message":"Hello back!"}
 *   3. emit "echo" "ping", 42, {"k":[1,2]}  -> expect an "echo" event with the same
 *      arguments AND the ack callback called with the same arguments
 *
 * stdout: exactly one line of JSON
 *   {"ok":bool,"transport":name|null,"helloBack":[..]|null,"echoEvent":[..]|null,
 *    "echoAck":[..]|null,"error":string|null}
 * exit:   0 success, 1 mismatch / error / bad usage, 2 timeout
 *
 * Notes on the 0.9.16 node build (see interop/README.md):
 *   - the client only has "websocket" and "xhr-polling" when run by node;
 *   - the "transports" option is NOT honoured as such: the library deep-merges
 *     it index by index into its shared default list, which in node is
 *     ['websocket','xhr-polling','websocket','xhr-polling'] (each transport
 *     module appends itself once more). {transports:['xhr-polling']} thus
 *     becomes ['xhr-polling','xhr-polling','websocket','xhr-polling'], and when
 *     that list is not shorter than the server's list the server's order wins,
 *     so websocket is picked anyway.
 *   - To make --transports mean what it says, this script also replaces the
 *     library's public default list (io.transports) with the requested list
 *     before connecting. --no-transport-fix skips that, to see the raw quirk.
 *   - Either way the transport really used is read back from the socket.
 */
'use strict';

// Anything the library (or its dependencies) might print must not pollute the
// single JSON line on stdout.
console.log = console.info = console.warn;

var EXPECTED_HELLO = [{ message: 'Hello back!' }];
var ECHO_ARGS = ['ping', 42, { k: [1, 2] }];

var EXIT_OK = 0;
var EXIT_FAIL = 1;
var EXIT_TIMEOUT = 2;

var report = {
  ok: false,
  transport: null,
  helloBack: null,
  echoEvent: null,
  echoAck: null,
  error: null
};

var nsp = null;        // the SocketNamespace returned by io.connect
var finished = false;
var overallTimer = null;
var stage = 'start';   // human readable description of what we wait for

function transportName() {
  try {
    var t = nsp && nsp.socket && nsp.socket.transport;
    return t && t.name ? String(t.name) : null;
  } catch (e) {
    return null;
  }
}

function finish(code, error) {
  if (finished) return;
  finished = true;
  if (overallTimer) clearTimeout(overallTimer);

  var seen = transportName();
  if (seen) report.transport = seen;
  report.ok = code === EXIT_OK;
  report.error = error == null ? null : String(error);

  var line = JSON.stringify(report) + '\n';
  var exited = false;
  function leave() {
    if (exited) return;
    exited = true;
    process.exit(code);
  }

  try {
    if (nsp && nsp.socket) nsp.socket.disconnect();
  } catch (e) {
    // we are leaving anyway
  }
  process.stdout.write(line, function () {
    // leave a moment for the disconnect packet to go out
    setTimeout(leave, 100);
  });
  // never hang, even if stdout is stuck
  setTimeout(leave, 1000).unref();
}

function usage(msg) {
  process.stderr.write(
    (msg ? msg + '\n' : '') +
    'usage: node legacy-client.js <baseUrl> [--transports websocket,xhr-polling]' +
    ' [--endpoint /custom] [--timeout-ms 10000] [--no-transport-fix]\n');
  finish(EXIT_FAIL, 'usage: ' + (msg || 'bad arguments'));
}

function parseArgs(argv) {
  var opts = {
    baseUrl: null, transports: null, endpoint: null, timeoutMs: 10000, transportFix: true
  };
  for (var i = 0; i < argv.length; i++) {
    var arg = argv[i];
    var value = null;
    var eq = arg.indexOf('=');
    if (arg.slice(0, 2) === '--' && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    var needValue = function () {
      if (value !== null) return value;
      if (i + 1 >= argv.length) throw new Error('missing value for ' + arg);
      return argv[++i];
    };
    if (arg === '--transports') {
      opts.transports = needValue().split(',')
        .map(function (s) { return s.trim(); })
        .filter(function (s) { return s.length > 0; });
      if (opts.transports.length === 0) throw new Error('--transports is empty');
    } else if (arg === '--endpoint') {
      opts.endpoint = needValue();
      if (opts.endpoint.charAt(0) !== '/') opts.endpoint = '/' + opts.endpoint;
    } else if (arg === '--timeout-ms') {
      var raw = needValue();
      opts.timeoutMs = Number(raw);
      if (!isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) {
        throw new Error('bad --timeout-ms: ' + raw);
      }
    } else if (arg === '--no-transport-fix' && value === null) {
      opts.transportFix = false;
    } else if (arg.slice(0, 2) === '--') {
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

// Structural equality for JSON-like values (key order does not matter).
function sameJson(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  var ka = Object.keys(a);
  var kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (var i = 0; i < ka.length; i++) {
    if (!Object.prototype.hasOwnProperty.call(b, ka[i])) return false;
    if (!sameJson(a[ka[i]], b[ka[i]])) return false;
  }
  return true;
}

// Copy callback arguments into a plain array, dropping a trailing function
// (the library hands one over when the server asked for an ack).
function argsOf(args) {
  var list = Array.prototype.slice.call(args);
  while (list.length && typeof list[list.length - 1] === 'function') list.pop();
  return list;
}

function run(opts) {
  var io = require('socket.io-client');

  var url = opts.baseUrl.replace(/\/+$/, '') + (opts.endpoint || '');
  var options = { 'force new connection': true, reconnect: false };
  if (opts.transports) {
    options.transports = opts.transports;
    if (opts.transportFix) {
      // The Socket constructor takes io.transports as the default and then
      // merges options.transports into it element by element; starting from a
      // copy of the requested list makes the merge a no-op.
      io.transports = opts.transports.slice();
    }
  }

  overallTimer = setTimeout(function () {
    finish(EXIT_TIMEOUT, 'timeout after ' + opts.timeoutMs + ' ms while ' + stage);
  }, opts.timeoutMs);

  stage = 'connecting to ' + url;
  nsp = io.connect(url, options);

  var echoEventDone = false;
  var echoAckDone = false;

  function checkEchoDone() {
    if (echoEventDone && echoAckDone) finish(EXIT_OK, null);
  }

  function startEcho() {
    stage = 'waiting for echo event and ack';
    var payload = ['echo'].concat(JSON.parse(JSON.stringify(ECHO_ARGS)));
    payload.push(function () {
      if (report.echoAck !== null) return;
      report.echoAck = argsOf(arguments);
      if (!sameJson(report.echoAck, ECHO_ARGS)) {
        finish(EXIT_FAIL, 'echo ack mismatch: ' + JSON.stringify(report.echoAck));
        return;
      }
      echoAckDone = true;
      checkEchoDone();
    });
    nsp.emit.apply(nsp, payload);
  }

  var connected = false;
  nsp.on('connect', function () {
    if (connected) return;
    connected = true;
    report.transport = transportName();
    stage = 'waiting for helloBack';
    nsp.emit('sendMessage', { text: 'hi' });
  });

  nsp.on('helloBack', function () {
    if (report.helloBack !== null) return;
    report.helloBack = argsOf(arguments);
    if (!sameJson(report.helloBack, EXPECTED_HELLO)) {
      finish(EXIT_FAIL, 'helloBack mismatch: ' + JSON.stringify(report.helloBack));
      return;
    }
    startEcho();
  });

  nsp.on('echo', function () {
    if (report.echoEvent !== null) return;
    report.echoEvent = argsOf(arguments);
    if (!sameJson(report.echoEvent, ECHO_ARGS)) {
      finish(EXIT_FAIL, 'echo event mismatch: ' + JSON.stringify(report.echoEvent));
      return;
    }
    echoEventDone = true;
    checkEchoDone();
  });

  // Failure signals of the 0.9 client.
  nsp.on('error', function (reason) {
    finish(EXIT_FAIL, 'error event: ' + (reason && reason.message ? reason.message : reason));
  });
  nsp.on('connect_failed', function () {
    finish(EXIT_FAIL, 'connect_failed (no transport could connect)');
  });
  nsp.on('disconnect', function (reason) {
    if (!finished) finish(EXIT_FAIL, 'disconnected while ' + stage + ': ' + reason);
  });
}

process.on('uncaughtException', function (err) {
  finish(EXIT_FAIL, 'uncaught exception: ' + (err && err.stack ? err.stack : err));
});

var parsed;
try {
  parsed = parseArgs(process.argv.slice(2));
} catch (e) {
  usage(e.message);
}
if (parsed) run(parsed);
