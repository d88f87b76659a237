// The client contract of spec/eio4-client.md section 1, run by the official socket.io-client 4.8.1.
// Usage: SIOCONF_URL=http://127.0.0.1:PORT node socket.io-client-4.js [--fault NAME]
// A fault changes the real client in one place (a patched method, an option, a wrapped parser), so
// that each client case of sioconf can be shown to fail: see FAULTS below.
"use strict";

const { io, Socket } = require("socket.io-client-4");
const engine = require("engine.io-client");
const engineParser = require("engine.io-parser");
const parser = require("socket.io-parser");
const runContract = require("./contract");

const url = runContract.url();

// A parser that is socket.io-parser, with a change to what it encodes or decodes.
function parserWith({ encode = (p) => p, decoded = (p) => p }) {
  class Encoder extends parser.Encoder {
    encode(packet) {
      return super.encode(encode(packet));
    }
  }
  class Decoder extends parser.Decoder {
    on(event, listener) {
      if (event !== "decoded") return super.on(event, listener);
      return super.on(event, (packet) => {
        const changed = decoded(packet);
        if (changed) listener(changed);
      });
    }
  }
  return { protocol: parser.protocol, PacketType: parser.PacketType, Encoder, Decoder };
}

const T = parser.PacketType;
const asJson = (value) => (Buffer.isBuffer(value) ? value.toJSON() : Array.isArray(value) ? value.map(asJson) : value);

// name -> what it changes: setup() patches the library before the client starts, options are merged
// into io()'s, manager(manager) runs as soon as the client exists, after(socket) once it is connected
const FAULTS = {
  // EIO4C-2.1: the handshake names revision 3
  "eio3-handshake": { setup: () => { engineParser.protocol = 3; } },
  // EIO4C-2.2: an event goes out before the main namespace is connected
  "event-before-connect": {
    setup: () => {
      const onopen = Socket.prototype.onopen;
      Socket.prototype.onopen = function () {
        this.io.engine.write('2["early"]');
        return onopen.call(this);
      };
    },
  },
  // EIO4C-2.3: events that want no ack carry the id 0 all the same
  "event-id-zero": { options: { parser: parserWith({ encode: (p) => (p.type === T.EVENT && p.id === undefined ? { ...p, id: 0 } : p) }) } },
  // EIO4C-3.1: the probe goes out as a bare ping
  "probe-without-data": {
    setup: () => {
      const WS = engine.transports.websocket;
      const write = WS.prototype.write;
      WS.prototype.write = function (packets) {
        return write.call(this, packets.map((p) => (p.type === "ping" && p.data === "probe" ? { type: "ping" } : p)));
      };
    },
  },
  // EIO4C-3.2: upgrades to websocket whatever the open packet offers
  "websocket-when-not-offered": { setup: () => { engine.Socket.prototype._filterUpgrades = () => ["websocket"]; } },
  // EIO4C-3.3: a failed upgrade closes the whole connection
  "closes-on-refused-upgrade": {
    manager: (manager) => manager.on("open", () => manager.engine.on("upgradeError", () => manager.engine.close())),
  },
  // EIO4C-4.1: pings go unanswered
  "no-pong": {
    setup: () => {
      const send = engine.Socket.prototype._sendPacket;
      engine.Socket.prototype._sendPacket = function (type, ...rest) {
        if (type !== "pong") return send.call(this, type, ...rest);
      };
    },
  },
  // EIO4C-4.2: the silence of the server is never noticed
  "ignores-ping-timeout": {
    setup: () => {
      engine.Socket.prototype._resetPingTimeout = function () {};
      engine.Socket.prototype._hasPingExpired = () => false;
    },
  },
  // EIO4C-5.1 (and 4.2, 5.3): no reconnection at all
  "no-reconnect": { options: { reconnection: false } },
  // EIO4C-5.1: reconnects at once, whatever the declared backoff (the client reads 0 as "use the default")
  "reconnects-at-once": { options: { reconnectionDelay: 1, reconnectionDelayMax: 1, randomizationFactor: 0 } },
  // EIO4C-5.2: a server's disconnect is answered with a reconnection
  "reconnects-after-server-disconnect": {
    after: (socket) => socket.on("disconnect", (reason) => reason === "io server disconnect" && socket.connect()),
  },
  // EIO4C-5.3: what was emitted while disconnected is dropped
  "drops-buffered-packets": {
    setup: () => {
      const emitBuffered = Socket.prototype.emitBuffered;
      Socket.prototype.emitBuffered = function () {
        this.sendBuffer = [];
        return emitBuffered.call(this);
      };
    },
  },
  // EIO4C-6.1: acks go out with the id one too high
  "acks-with-wrong-id": {
    options: { parser: parserWith({ encode: (p) => (p.type === T.ACK || p.type === T.BINARY_ACK ? { ...p, id: p.id + 1 } : p) }) },
  },
  // EIO4C-6.2: acks from the server are dropped
  "drops-server-acks": { options: { parser: parserWith({ decoded: (p) => (p.type === T.ACK || p.type === T.BINARY_ACK ? null : p) }) } },
  // EIO4C-7.1: binary data goes out as JSON
  "binary-as-json": { options: { parser: parserWith({ encode: (p) => (p.type === T.ACK || p.type === T.EVENT ? { ...p, data: asJson(p.data) } : p) }) } },
  // EIO4C-8.1: a namespace is connected without its name
  "connects-namespace-without-name": { options: { parser: parserWith({ encode: (p) => (p.type === T.CONNECT ? { ...p, nsp: "/" } : p) }) } },
  // EIO4C-8.2: a refusal is taken for a connection
  "ignores-connect-error": {
    options: { parser: parserWith({ decoded: (p) => (p.type === T.CONNECT_ERROR ? { type: T.CONNECT, nsp: p.nsp, data: { sid: "refused" } } : p) }) },
  },
  // EIO4C-9.1: every waiting packet goes into one POST
  "ignores-max-payload": { setup: () => { engine.Socket.prototype._getWritablePackets = function () { return this.writeBuffer; }; } },
};

const chosen = runContract.chooseFault(FAULTS);

const socket = io(url, { ...(chosen.options || {}) });
const manager = socket.io;
if (chosen.manager) chosen.manager(manager);
let afterDone = false;
runContract(socket, manager, {
  onConnect: () => {
    if (chosen.after && !afterDone) {
      afterDone = true;
      chosen.after(socket);
    }
  },
});
