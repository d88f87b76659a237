#!/usr/bin/env node
/*
 * sioconf interop server: the real socket.io 4.8 (npm alias socket.io-4), set up with the
 * server contract of spec/eio4.md section 23 (and the join and broadcast events of section 24),
 * plus a bare Engine.IO echo endpoint at /engine.io/ (section 15), so that the suite can run
 * against it like against any third-party server.
 *
 * usage:  [PORT=0] [TRANSPORTS=polling,websocket] [PING_INTERVAL=25000] ... node modern-server.js
 *
 * Environment (each optional; unset means the socket.io 4.8 default):
 *   PORT              port on 127.0.0.1; 0 (the default) picks a free one
 *   TRANSPORTS        comma list, e.g. polling  or  websocket,polling   -> transports
 *   PING_INTERVAL     milliseconds                                       -> pingInterval
 *   PING_TIMEOUT      milliseconds                                       -> pingTimeout
 *   MAX_PAYLOAD       bytes                                              -> maxHttpBufferSize
 *   CONNECT_TIMEOUT   milliseconds a session may stay in no namespace    -> connectTimeout
 *   UPGRADE_TIMEOUT   milliseconds                                       -> upgradeTimeout
 *   CORS_ORIGINS      "*" or a comma list of origins                     -> cors.origin
 *   ECHO_PATH         path of the Engine.IO echo endpoint, default /engine.io/; "off" for none
 *   REDIS_URL         e.g. redis://127.0.0.1:6379: share events with the other nodes through
 *                     @socket.io/redis-adapter, as a cluster does (spec/eio4.md section 24)
 *   EXIT_WITH_STDIN   "1": exit when stdin ends, so a parent that dies takes the server along
 *
 * stdout: exactly one line "listening <port>" once the server accepts connections.
 * SIGTERM / SIGINT: closes the listener and exits 0.
 */
'use strict';

const writeStdout = process.stdout.write.bind(process.stdout);
console.log = console.info = console.warn = console.error;

const http = require('http');
const { Server } = require('socket.io-4');
const engine = require('engine.io');

const HELLO_BACK = { message: 'Hello back!' };
const NAMESPACES = ['/', '/custom'];

function fail(msg) {
  process.stderr.write('modern-server.js: ' + msg + '\n');
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
  const origins = list('CORS_ORIGINS');
  if (origins) options.cors = { origin: origins.length === 1 && origins[0] === '*' ? '*' : origins };
  return options;
}

function contract(socket) {
  socket.emit('auth', socket.handshake.auth);
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
  socket.on('join', (room, ack) => {
    if (typeof room !== 'string' || typeof ack !== 'function') return;
    Promise.resolve(socket.join(room)).then(() => ack(room));
  });
  socket.on('broadcast', (room, ...args) => {
    if (typeof room !== 'string') return;
    if (typeof args[args.length - 1] === 'function') args.pop();
    socket.nsp.to(room).emit('broadcast-back', room, ...args);
  });
}

/** With REDIS_URL, the nodes share events through redis, as a cluster with an adapter does. */
async function shareEventsThroughRedis(io) {
  const url = env('REDIS_URL');
  if (url === null) return;
  const { createClient } = require('redis');
  const { createAdapter } = require('@socket.io/redis-adapter');
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (e) => process.stderr.write('modern-server.js: redis: ' + e.message + '\n'));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
}

const options = engineOptions();
const httpServer = http.createServer();
const io = new Server(httpServer, Object.assign({}, options, {
  connectTimeout: positive('CONNECT_TIMEOUT'),
  serveClient: false,
}));
for (const name of NAMESPACES) io.of(name).on('connection', contract);

const echoPath = env('ECHO_PATH') || '/engine.io/';
if (echoPath !== 'off') {
  const echo = engine.attach(httpServer, Object.assign({}, options, { path: echoPath }));
  echo.on('connection', (socket) => {
    socket.on('message', (data) => socket.send(data));
  });
}

if (env('EXIT_WITH_STDIN') === '1') {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

function stop() {
  io.close();
  httpServer.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

const port = env('PORT') === '0' ? 0 : positive('PORT') || 0;
shareEventsThroughRedis(io).then(() => {
  httpServer.listen(port, '127.0.0.1', () => {
    writeStdout('listening ' + httpServer.address().port + '\n');
  });
}, (e) => fail('REDIS_URL: ' + e.message));
