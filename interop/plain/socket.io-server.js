#!/usr/bin/env node
/*
 * A plain socket.io server, as a user's first app would be: the newest socket.io 4.x of
 * interop/package.json (npm alias socket.io-4-newest) with its default settings, no event
 * handlers and no namespace but "/". It is NOT set up with the contract of spec/eio4.md
 * section 23; it only logs connections, so that the suite can be shown against a server
 * nobody prepared for it.
 *
 * usage:  [PORT=<port>] node interop/plain/socket.io-server.js
 *
 *   PORT   port on 127.0.0.1; unset, empty or 0: a free port
 *
 * stdout: one line "listening <port>" once it accepts connections (ServerProcess waits for it).
 * It exits when its stdin ends (so a parent that dies takes it along) and on SIGTERM / SIGINT.
 */
'use strict';

const http = require('http');
const { Server } = require('socket.io-4-newest');

const httpServer = http.createServer();
const io = new Server(httpServer);

io.on('connection', (socket) => {
  console.error('connected ' + socket.id);
  socket.on('disconnect', (reason) => console.error('disconnected ' + socket.id + ' (' + reason + ')'));
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));

const port = Number(process.env.PORT || 0);
httpServer.listen(port, '127.0.0.1', () => {
  process.stdout.write('listening ' + httpServer.address().port + '\n');
});
