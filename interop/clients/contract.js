// The client contract of spec/eio4-client.md section 1 (and eio3-client.md's), for the node
// clients: one handler per row of the spec's table. `refusal` is the event a namespace socket
// reports a refused connection with: connect_error from socket.io-client 3.x on, error before.
"use strict";

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
