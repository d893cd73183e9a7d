import { useEffect, useState } from "react";
import type { Socket } from "socket.io-client";

/** Whether the one socket is connected now (it reconnects on its own; this follows it): null
 * while its first connection is still under way, so a page load does not flash "offline". */
export function useSocketOnline(socket: Socket | null): boolean | null {
  const [online, setOnline] = useState<boolean | null>(socket?.connected ? true : null);
  useEffect(() => {
    if (!socket) return setOnline(null);
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    setOnline(socket.connected ? true : socket.active ? null : false);
    socket.on("connect", up);
    socket.on("disconnect", down);
    socket.on("connect_error", down);
    return () => {
      socket.off("connect", up);
      socket.off("disconnect", down);
      socket.off("connect_error", down);
    };
  }, [socket]);
  return online;
}
