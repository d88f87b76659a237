// The client contract of spec/eio4-client.md section 1 (and eio3-client.md's), for the node
// clients: one handler per row of the spec's table. `refusal` is the event a namespace socket
// reports a refused connection with: connect_error from socket.io-client 3.x on, error before.
"use strict";

/** SIOCONF_URL, or exit 2 when it is not set. */
function url() {
  if (!process.env.SIOCONF_URL) {
    console.error("SIOCONF_URL is not set");
    process.exit(2);
  }
  return process.env.SIOCONF_URL;
}

/** The fault named by --fault NAME among a program's faults (an empty one without --fault), or exit 2 naming the known ones. */
function chooseFault(faults) {
  const at = process.argv.indexOf("--fault");
  const name = at >= 0 ? process.argv[at + 1] : "";
  const chosen = name ? faults[name] : {};
  if (!chosen) {
    console.error(`unknown fault '${name}'; known: ${Object.keys(faults).join(", ")}`);
    process.exit(2);
  }
  if (chosen.setup) chosen.setup();
  return chosen;
}

module.exports = function runContract(socket, manager, { refusal = "connect_error", onConnect = () => {} } = {}) {
  let connections = 0;
  const echo = (s, back) => (...args) => {
    const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
    if (ack) ack(...args);
    else if (back) s.emit("echo-back", ...args);
  };
  socket.on("connect", () => {
    connections += 1;
    onConnect();
    socket.emit("hello", connections);
  });
  socket.on("disconnect", (reason) => socket.emit("offline", reason));
  socket.on("echo", echo(socket, true));
  socket.on("ask", () => socket.emit("answer", (...reply) => socket.emit("answered", ...reply)));
  socket.on("join", (nsp) => {
    const other = manager.socket(nsp); // opens by itself (autoConnect)
    other.on("connect", () => other.emit("joined"));
    other.on(refusal, (err) => socket.emit("refused", nsp, typeof err === "string" ? err : err.message));
    other.on("echo", echo(other, false));
  });
  socket.on("burst", (count, length) => {
    for (let i = 0; i < count; i++) socket.emit("bulk", "x".repeat(length));
  });
};
module.exports.url = url;
module.exports.chooseFault = chooseFault;
