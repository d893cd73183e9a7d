import { useEffect, useState } from "react";
import type { Socket } from "socket.io-client";

/** Whether the one socket is connected now (it reconnects on its own; this follows it). */
export function useSocketOnline(socket: Socket | null): boolean {
  const [online, setOnline] = useState(socket?.connected ?? false);
  useEffect(() => {
    if (!socket) return setOnline(false);
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    setOnline(socket.connected);
    socket.on("connect", up);
    socket.on("disconnect", down);
    return () => {
      socket.off("connect", up);
      socket.off("disconnect", down);
    };
  }, [socket]);
  return online;
}
