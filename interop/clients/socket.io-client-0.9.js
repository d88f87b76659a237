// The client contract of spec/legacy-client.md section 1, run by the official socket.io-client 0.9.16
// (socket.io protocol revision 1). Usage: SIOCONF_URL=http://127.0.0.1:PORT node socket.io-client-0.9.js [--fault NAME]
// A fault changes the real client in one place, so that each legacy client case can be shown to fail.
"use strict";

const io = require("socket.io-client");
const runContract = require("./contract");

const url = runContract.url();

function patchParser(method, change) {
  const original = io.parser[method];
  io.parser[method] = (...args) => {
    const result = method === "encodePacket" ? original(change(args[0])) : change(original(...args));
    return result;
  };
}

const FAULTS = {
  // LEGC-2.1: the handshake names revision 2
  "revision-2": { setup: () => { io.protocol = 2; } },
  // LEGC-2.2, LEGC-3.1: websocket is tried whatever the handshake offers
  "websocket-when-not-offered": { setup: () => { io.util.intersect = () => ["websocket", "xhr-polling"]; } },
  // LEGC-2.3: every event asks for the server's acknowledgement
  "event-asks-ack": {
    setup: () => {
      const emit = io.SocketNamespace.prototype.emit;
      io.SocketNamespace.prototype.emit = function (...args) {
        return typeof args[args.length - 1] === "function" ? emit.apply(this, args) : emit.apply(this, [...args, () => {}]);
      };
    },
  },
  // LEGC-4.1: heartbeats go unanswered
  "no-heartbeat-answer": { setup: () => { io.Transport.prototype.onHeartbeat = function () {}; } },
  // LEGC-4.2: the server's silence is never noticed
  "ignores-heartbeat-timeout": { setup: () => { io.Socket.prototype.setHeartbeatTimeout = function () {}; } },
  // LEGC-5.1 (and 5.3): no reconnection at all
  "no-reconnect": { options: { reconnect: false } },
  // LEGC-5.2: the server's 0:: is answered with a reconnection
  "reconnects-after-disconnect": { after: (socket) => socket.on("disconnect", (reason) => reason === "booted" && socket.socket.reconnect()) },
  // LEGC-5.3: what was emitted while disconnected is dropped
  "drops-buffered-packets": {
    setup: () => {
      const onConnect = io.Socket.prototype.onConnect;
      io.Socket.prototype.onConnect = function () {
        this.buffer = [];
        return onConnect.call(this);
      };
    },
  },
  // LEGC-6.1: acks go out with the id one too high
  "acks-with-wrong-id": { setup: () => patchParser("encodePacket", (p) => (p.type === "ack" ? { ...p, ackId: Number(p.ackId) + 1 } : p)) },
  // LEGC-6.2: acks from the server are dropped
  "drops-server-acks": { setup: () => patchParser("decodePacket", (p) => (p && p.type === "ack" ? { type: "noop", endpoint: "" } : p)) },
  // LEGC-8.1: an endpoint is connected without its name
  "connects-endpoint-without-name": { setup: () => patchParser("encodePacket", (p) => (p.type === "connect" ? { ...p, endpoint: "" } : p)) },
  // LEGC-8.2: a refusal is taken for a connection
  "ignores-connect-failed": {
    setup: () => patchParser("decodePacket", (p) => (p && p.type === "error" && p.reason === "unauthorized" ? { type: "connect", endpoint: p.endpoint } : p)),
  },
};

const chosen = runContract.chooseFault(FAULTS);
const socket = io.connect(url, { "force new connection": true, ...(chosen.options || {}) });
let afterDone = false;
// the main endpoint stands in for a socket.io 1.x socket, its Socket for the manager
runContract(socket, { socket: (nsp) => socket.socket.of(nsp) }, {
  refusal: "connect_failed",
  onConnect: () => {
    if (chosen.after && !afterDone) {
      afterDone = true;
      chosen.after(socket);
    }
  },
});
