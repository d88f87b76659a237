#!/usr/bin/env node
/*
 * sioconf interop server: the real socket.io 0.9.19 (from node_modules), set up
 * with the server contract of spec/legacy.md section 16, so that the suite can
 * be run against it like against any third-party server.
 *
 * usage:  [PORT=0] [TRANSPORTS=...] [POLLING_DURATION=20] ... node legacy-server.js
 *
 * Environment (each optional; unset means the 0.9.19 default):
 *   PORT                port on 127.0.0.1; 0 (the default) picks a free one
 *   TRANSPORTS          comma list in the server's order, e.g. xhr-polling or
 *                       jsonp-polling,xhr-polling,websocket   -> io.set('transports', [...])
 *   POLLING_DURATION    seconds an empty poll is held         -> 'polling duration'
 *   HEARTBEAT_INTERVAL  seconds between server heartbeats     -> 'heartbeat interval'
 *   HEARTBEAT_TIMEOUT   seconds, or "off" for no heartbeats   -> 'heartbeat timeout' / heartbeats
 *   CLOSE_TIMEOUT       seconds                               -> 'close timeout'
 *   ORIGINS             allowed origins, e.g. "*:*" or "a.example:80,*:8080" -> 'origins'
 *   LOG_LEVEL           0 error (default), 1 warn, 2 info, 3 debug; the log goes to stderr
 *   EXIT_WITH_STDIN     "1": exit when stdin ends, so a parent that dies takes the server along
 *
 * stdout: exactly one line "listening <port>" once the server accepts connections.
 * SIGTERM / SIGINT: closes the listener and exits 0.
 *
 * The contract, on the default endpoint and on /custom, answering on the endpoint asked:
 *   sendMessage  -> helloBack {"message":"Hello back!"}
 *   echo args..  -> echo args..; and, when the client asked for an ack (id with +), the ack
 *                   with the same args
 *   message      -> the same message; json -> the same json. 0.9.19 hands both packet types
 *                   to the one 'message' handler with the decoded value, so they are told apart
 *                   by value type: a string was a message, an object or array was json (the
 *                   only json values the contract knows); anything else gets no answer.
 *                   When the client asked for an ack (id with +), it gets the value back in it,
 *                   as the reference server does.
 * Nothing else is sent by the application.
 */
'use strict';

// Whatever the library prints (its logger uses console.log) goes to stderr; stdout carries
// only the "listening" line.
var writeStdout = process.stdout.write.bind(process.stdout);
console.log = console.info = console.warn = console.error;

var http = require('http');
var sio = require('socket.io');

var HELLO_BACK = { message: 'Hello back!' };
var ENDPOINTS = ['', '/custom'];

function fail(msg) {
  process.stderr.write('legacy-server.js: ' + msg + '\n');
  process.exit(2);
}

function env(name) {
  var v = process.env[name];
  return v === undefined || v.trim() === '' ? null : v.trim();
}

function seconds(name) {
  var v = env(name);
  if (v === null) return null;
  var n = Number(v);
  if (!isFinite(n) || n <= 0) fail(name + ' must be a positive number of seconds, not "' + v + '"');
  return n;
}

function list(name) {
  var v = env(name);
  if (v === null) return null;
  var items = v.split(',').map(function (s) { return s.trim(); })
    .filter(function (s) { return s.length > 0; });
  if (items.length === 0) fail(name + ' is empty');
  return items;
}

function configure(io) {
  var level = env('LOG_LEVEL');
  io.set('log level', level === null ? 0 : Number(level));
  io.set('log colors', false);
  // The policy file server would take the fixed port 10843 whenever flashsocket is offered;
  // the suite does not check it (LEG-13.3) and parallel servers would fight over the port.
  io.set('flash policy server', false);

  var transports = list('TRANSPORTS');
  if (transports) io.set('transports', transports);
  var polling = seconds('POLLING_DURATION');
  if (polling !== null) io.set('polling duration', polling);
  var interval = seconds('HEARTBEAT_INTERVAL');
  if (interval !== null) io.set('heartbeat interval', interval);
  if (env('HEARTBEAT_TIMEOUT') !== null && env('HEARTBEAT_TIMEOUT').toLowerCase() === 'off') {
    io.disable('heartbeats');
  } else {
    var timeout = seconds('HEARTBEAT_TIMEOUT');
    if (timeout !== null) io.set('heartbeat timeout', timeout);
  }
  var close = seconds('CLOSE_TIMEOUT');
  if (close !== null) io.set('close timeout', close);
  var origins = env('ORIGINS');
  if (origins !== null) io.set('origins', origins);
}

// Arguments of a handler call, with the ack function (present when the client sent an id
// with '+') taken off the end.
function split(args) {
  var list = Array.prototype.slice.call(args);
  var ack = list.length && typeof list[list.length - 1] === 'function' ? list.pop() : null;
  return { args: list, ack: ack };
}

function contract(socket) {
  socket.on('sendMessage', function () {
    // An ack asked for with sendMessage is not called (LEG-16.8).
    socket.emit('helloBack', HELLO_BACK);
  });

  socket.on('echo', function () {
    var call = split(arguments);
    socket.emit.apply(socket, ['echo'].concat(call.args));
    if (call.ack) call.ack.apply(null, call.args);
  });

  socket.on('message', function () {
    var call = split(arguments);
    var data = call.args[0];
    if (typeof data === 'string') {
      if (data === '') return; // would go out as "3::"; the contract leaves empty messages out
      socket.send(data);
    } else if (data !== null && typeof data === 'object') {
      socket.json.send(data);
    } else {
      // Not a contract json (object or array). Note that 0.9.19 hands the application
      // `false` for a json packet whose data does not parse: echoing it would answer a
      // broken packet with "4:::false".
      return;
    }
    if (call.ack) call.ack(data);
  });
}

var port = env('PORT') === null ? 0 : Number(env('PORT'));
if (!(port >= 0 && port <= 65535 && Math.floor(port) === port)) fail('bad PORT "' + env('PORT') + '"');

var server = http.createServer(function (req, res) {
  // Only reached for URLs outside /socket.io/ (socket.io takes over its own prefix).
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('not found');
});

var io = sio.listen(server);
configure(io);
ENDPOINTS.forEach(function (name) {
  (name === '' ? io.sockets : io.of(name)).on('connection', contract);
});

// Connections that stay open (held polls, htmlfile streams, websockets) must not keep the
// process alive once it was asked to stop.
var connections = [];
server.on('connection', function (c) {
  connections.push(c);
  c.on('close', function () {
    var i = connections.indexOf(c);
    if (i >= 0) connections.splice(i, 1);
  });
});

var stopping = false;
function stop(why) {
  if (stopping) return;
  stopping = true;
  process.stderr.write('legacy-server.js: stopping (' + why + ')\n');
  try { server.close(); } catch (e) { /* not listening yet */ }
  connections.forEach(function (c) { c.destroy(); });
  setTimeout(function () { process.exit(0); }, 50);
}
process.on('SIGTERM', function () { stop('SIGTERM'); });
process.on('SIGINT', function () { stop('SIGINT'); });
if (env('EXIT_WITH_STDIN') === '1') {
  process.stdin.on('end', function () { stop('stdin ended'); });
  process.stdin.on('error', function () { stop('stdin error'); });
  process.stdin.resume();
}

server.on('error', function (err) { fail('cannot listen: ' + err.message); });
server.listen(port, '127.0.0.1', function () {
  writeStdout('listening ' + server.address().port + '\n');
});
