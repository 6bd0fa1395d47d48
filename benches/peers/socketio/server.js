// The Socket.IO peer of chatctl's gateway bench: on "chat", streams an answer of CHUNKS
// chunks, one every INTERVAL_MS, each stamped with its emit time in µs ("<µs>|text"), in
// the frames chatctl sends (start, chunk, done), to the user's room. With REDIS_URL the
// room goes through @socket.io/redis-adapter (as several Socket.IO nodes would), else the
// in-memory adapter. WebSocket transport only, no compression: as chatctl's gateway.
"use strict";
const http = require("http");
const { randomUUID } = require("crypto");
const { Server } = require("socket.io");

const chunks = Number(process.env.CHUNKS || 50);
const interval = Number(process.env.INTERVAL_MS || 20);
const words = ["offset", "partition", "replica", "leader", "segment", "epoch", "commit", "lag"];

function stampUs() {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

async function main() {
  const server = http.createServer();
  const io = new Server(server, { transports: ["websocket"], perMessageDeflate: false, httpCompression: false });
  if (process.env.REDIS_URL) {
    const { createClient } = require("redis");
    const { createAdapter } = require("@socket.io/redis-adapter");
    const pub = createClient({ url: process.env.REDIS_URL });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
  }
  io.on("connection", (socket) => {
    const user = String(socket.handshake.query.user || socket.id);
    socket.join(user);
    socket.on("chat", () => {
      const messageId = randomUUID();
      io.to(user).emit("message", { type: "start", messageId, conversationId: "bench", replyTo: randomUUID(), epoch: 0 });
      let k = 0;
      let length = 0;
      const timer = setInterval(() => {
        const text = `${words[k % 8]} ${words[(k + 3) % 8]} ${words[(k + 5) % 8]} `;
        length += text.length;
        io.to(user).emit("message", { type: "chunk", messageId, epoch: 0, index: k, delta: `${stampUs()}|${text}` });
        k += 1;
        if (k === chunks) {
          clearInterval(timer);
          io.to(user).emit("message", { type: "done", messageId, totalChunks: chunks, contentLength: length, stopped: false });
        }
      }, interval);
    });
  });
  server.listen(0, "127.0.0.1", () => {
    console.error(`socket.io peer listening on http://127.0.0.1:${server.address().port}`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
