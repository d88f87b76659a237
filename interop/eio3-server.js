#!/usr/bin/env node
/*
 * sioconf interop server for the eio3 profile: the real socket.io 2.5.1 (npm alias socket.io-2,
 * Engine.IO 3 / Socket.IO packet protocol 4) with the eio3 server contract on "/" and "/custom"
 * (and the join and broadcast events of spec/eio3.md section 24),
 * plus a bare Engine.IO 3 echo endpoint at /engine.io/ served by the engine.io 3.6 that
 * socket.io 2.5.1 itself depends on, so that the suite can treat it like any third-party server.
 *
 * usage:  [PORT=0] [TRANSPORTS=polling,websocket] [PING_INTERVAL=25000] ... node eio3-server.js
 *
 * Environment (each optional; unset means the socket.io 2.5.1 / engine.io 3.6 default):
 *   PORT              port on 127.0.0.1; 0 (the default) picks a free one
 *   TRANSPORTS        comma list, e.g. polling  or  websocket,polling   -> transports
 *   PING_INTERVAL     milliseconds                                       -> pingInterval (25000)
 *   PING_TIMEOUT      milliseconds                                       -> pingTimeout (20000)
 *   MAX_PAYLOAD       bytes                                              -> maxHttpBufferSize (1e6)
 *   UPGRADE_TIMEOUT   milliseconds                                       -> upgradeTimeout (10000)
 *   CORS_ORIGINS      "*" or a comma list of origins such as http://a.example:8080
 *                     -> origins ("*:*" by default). socket.io 2 checks the Origin (or Referer)
 *                     of the handshake only and refuses a mismatch with 403; an origin written
 *                     without a port gets the scheme's default port, as socket.io 2 compares
 *                     "scheme://host:port". Preflights stay engine.io 3.6's own handling.
 *   ECHO_PATH         path of the Engine.IO echo endpoint, default /engine.io/; "off" for none
 *   EXIT_WITH_STDIN   "1": exit when stdin ends, so a parent that dies takes the server along
 *
 * The contract, on both namespaces: "sendMessage" -> "helloBack" {"message":"Hello back!"};
 * "echo" args -> "echo" with the same args, and the ack with them when one was asked for;
 * "message" args -> "message-back" args; "message-with-ack" args -> the ack with args.
 * Nothing is emitted on connect (socket.io 2 has no auth object to send back).
 *
 * stdout: exactly one line "listening <port>" once the server accepts connections.
 * SIGTERM / SIGINT: closes the listener and exits 0.
 */
'use strict';

const writeStdout = process.stdout.write.bind(process.stdout);
console.log = console.info = console.warn = console.error;

const http = require('http');
const path = require('path');
const createIo = require('socket.io-2');
// The engine.io that socket.io 2.5.1 resolves (3.6.x), wherever npm placed it.
const engine = require(require.resolve('engine.io', { paths: [path.dirname(require.resolve('socket.io-2'))] }));

const HELLO_BACK = { message: 'Hello back!' };
const NAMESPACES = ['/', '/custom'];

function fail(msg) {
  process.stderr.write('eio3-server.js: ' + msg + '\n');
  process.exit(2);
}

function env(name) {
  const v = process.env[name];
  return v === undefined || v.trim() === '' ? null : v.trim();
}

function positive(name) {
  const v = env(name);
  if (v === null) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) fail(name + ' must be a positive whole number, not "' + v + '"');
  return n;
}

function list(name) {
  const v = env(name);
  if (v === null) return undefined;
  const items = v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) fail(name + ' is empty');
  return items;
}

// socket.io 2 matches an origin as "scheme://host:port" (or "host:port", "host:*", "*:port").
function socketIo2Origin(origin) {
  if (origin === '*') return '*:*';
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(origin)) return origin;
  let url;
  try {
    url = new URL(origin);
  } catch (e) {
    fail('CORS_ORIGINS: not an origin "' + origin + '"');
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return url.protocol + '//' + url.hostname + ':' + port;
}

function engineOptions() {
  const options = {};
  const transports = list('TRANSPORTS');
  if (transports) {
    for (const t of transports) {
      if (t !== 'polling' && t !== 'websocket') fail('TRANSPORTS: unknown transport "' + t + '"');
    }
    options.transports = transports;
  }
  const set = (key, value) => { if (value !== undefined) options[key] = value; };
  set('pingInterval', positive('PING_INTERVAL'));
  set('pingTimeout', positive('PING_TIMEOUT'));
  set('maxHttpBufferSize', positive('MAX_PAYLOAD'));
  set('upgradeTimeout', positive('UPGRADE_TIMEOUT'));
  return options;
}

function contract(socket) {
  socket.on('sendMessage', () => socket.emit('helloBack', HELLO_BACK));
  socket.on('echo', (...args) => {
    const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    socket.emit('echo', ...args);
    if (ack) ack(...args);
  });
  socket.on('message', (...args) => {
    if (typeof args[args.length - 1] === 'function') args.pop();
    socket.emit('message-back', ...args);
  });
  socket.on('message-with-ack', (...args) => {
    const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    if (ack) ack(...args);
  });
  // the deployment events of spec/eio3.md section 24
  socket.on('join', (room, ack) => {
    if (typeof room !== 'string' || typeof ack !== 'function') return;
    socket.join(room, () => ack(room));
  });
  socket.on('broadcast', (room, ...args) => {
    if (typeof room !== 'string') return;
    if (typeof args[args.length - 1] === 'function') args.pop();
    socket.nsp.to(room).emit('broadcast-back', room, ...args);
  });
}

const options = engineOptions();
const origins = list('CORS_ORIGINS');
const httpServer = http.createServer();
const io = createIo(httpServer, Object.assign({}, options, {
  serveClient: false,
  origins: origins ? origins.map(socketIo2Origin) : '*:*',
}));
for (const name of NAMESPACES) io.of(name).on('connection', contract);

const echoPath = env('ECHO_PATH') || '/engine.io/';
if (echoPath !== 'off') {
  // Same settings and the same origin check as the socket.io server.
  const echo = engine.attach(httpServer, Object.assign({}, options, {
    path: echoPath,
    allowRequest: io.checkRequest.bind(io),
  }));
  echo.on('connection', (socket) => {
    socket.on('message', (data) => socket.send(data));
  });
}

if (env('EXIT_WITH_STDIN') === '1') {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

function stop() {
  io.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

const port = env('PORT') === '0' ? 0 : positive('PORT') || 0;
httpServer.listen(port, '127.0.0.1', () => {
  writeStdout('listening ' + httpServer.address().port + '\n');
});
