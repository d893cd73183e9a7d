/** The one Socket.IO connection: path /ws, the access token in `auth`, reconnecting. */
import { io, type Socket } from "socket.io-client";
import { api } from "@/lib/api";
import { API_BASE } from "@/lib/config";

let socket: Socket | null = null;

export function getSocket(): Socket {
  if (!socket) {
    socket = io(API_BASE || undefined, {
      path: "/ws",
      transports: ["websocket"],
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10000,
      // A function, so every reconnect presents the current (possibly refreshed) token.
      auth: (cb) => cb({ token: api.token }),
    });
    socket.on("connect_error", async () => {
      // An expired token is refused: refresh once, then let the reconnection loop retry.
      if (await api.refresh()) socket?.connect();
    });
  }
  return socket;
}

export function closeSocket(): void {
  socket?.disconnect();
  socket = null;
}
