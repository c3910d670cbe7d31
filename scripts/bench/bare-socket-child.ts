/**
 * bench:live's baseline, run as its child: a bare socket.io server (the product's version) with
 * nothing but a room. `room:join` joins any room; `POST /emit` with `{ room, initiativeId, quantity }`
 * emits the product's `jointbuy:updated` payload to the room, then answers, as the product does.
 * It tells its parent the port it listens on.
 */
import { createServer } from "node:http";
import { Server } from "socket.io";

interface EmitRequest {
  room: string;
  initiativeId: string;
  quantity: number;
}

const httpServer = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/emit") {
    res.writeHead(404).end();
    return;
  }
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => {
    const { room, initiativeId, quantity } = JSON.parse(body) as EmitRequest;
    io.to(room).emit("jointbuy:updated", { initiativeId, total: quantity });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ total: quantity }));
  });
});

const io = new Server(httpServer, { serveClient: false, cors: { origin: false } });
io.on("connection", (socket) => {
  socket.on("room:join", (payload: { room: string }, ack: (reply: unknown) => void) => {
    void socket.join(payload.room);
    ack({ data: { room: payload.room } });
  });
});

httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
