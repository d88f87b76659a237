// The client contract of spec/eio3-client.md section 1, run by the official socket.io-client 2.5.0
// (Engine.IO 3, Socket.IO protocol 4).
// Usage: SIOCONF_URL=http://127.0.0.1:PORT node socket.io-client-2.js [--fault NAME]
// A fault changes the real client in one place, for the cases whose checks differ from eio4's
// (the eio4 faults of socket.io-client-4.js cover the cases the revisions share).
"use strict";

const io = require("socket.io-client-2");
const EngineSocket = require("socket.io-client-2/node_modules/engine.io-client");
const parser = require("socket.io-client-2/node_modules/socket.io-parser");
const runContract = require("./contract");

const url = runContract.url();

const asJson = (value) => (Buffer.isBuffer(value) ? value.toJSON() : Array.isArray(value) ? value.map(asJson) : value);

const FAULTS = {
  // EIO3C-2.2: an event goes out before the server's 40
  "event-before-connect": { manager: (manager) => manager.on("open", () => manager.engine.write('2["early"]')) },
  // EIO3C-4.1: the client never pings
  "no-ping": { setup: () => { EngineSocket.prototype.ping = function () {}; } },
  // EIO3C-4.2: the missing pong is never noticed
  "ignores-ping-timeout": { setup: () => { EngineSocket.prototype.onHeartbeat = function () {}; } },
  // EIO3C-7.1: binary acks go out as JSON
  "binary-as-json": {
    setup: () => {
      const encode = parser.Encoder.prototype.encode;
      parser.Encoder.prototype.encode = function (packet, callback) {
        const changed = packet.type === parser.BINARY_ACK ? { ...packet, type: parser.ACK, data: asJson(packet.data) } : packet;
        return encode.call(this, changed, callback);
      };
    },
  },
};

const chosen = runContract.chooseFault(FAULTS);
const socket = io(url);
if (chosen.manager) chosen.manager(socket.io);
runContract(socket, socket.io, { refusal: "error" });
