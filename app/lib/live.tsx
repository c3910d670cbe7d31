import { useNavigation, useRevalidator } from "@remix-run/react";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, RoomAck, ServerToClientEvents } from "../../server/realtime/events";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type LiveState = "connecting" | "live" | "offline";

const LiveContext = createContext<{ socket: LiveSocket | null; state: LiveState }>({ socket: null, state: "offline" });

const EVENTS: Array<keyof ServerToClientEvents> = [
  "notification:created",
  "notification:read",
  "firm:updated",
  "membership:changed",
  "network:updated",
  "initiative:updated",
  "initiative:message",
  "jointbuy:updated",
  "stand:updated",
  "need:updated",
  "needs:changed",
  "matches:changed",
  "benchmark:updated",
  "club:updated",
];

/**
 * One socket per signed-in tab. Any push means "something you see changed": the page
 * revalidates its loaders, and a reconnect revalidates too, so a dropped connection never
 * leaves stale data behind (STYLE habit 10).
 */
export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const pendingRef = useRef(false);
  // A push during a navigation waits for it: interrupting would discard the navigation's own
  // fresh data; once idle, one revalidation covers every push received meanwhile.
  const revalidateRef = useRef(() => {});
  revalidateRef.current = () => {
    if (busyRef.current) pendingRef.current = true;
    else revalidator.revalidate();
  };
  useEffect(() => {
    if (!busy && pendingRef.current) {
      pendingRef.current = false;
      revalidator.revalidate();
    }
  }, [busy, revalidator]);
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const [state, setState] = useState<LiveState>("offline");

  useEffect(() => {
    if (!enabled) return;
    const s: LiveSocket = io({ withCredentials: true, transports: ["websocket", "polling"] });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let connectedOnce = false;
    const revalidate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => revalidateRef.current(), 50);
    };
    s.on("connect", () => {
      setState("live");
      if (connectedOnce) revalidate();
      connectedOnce = true;
    });
    s.on("disconnect", (reason) => {
      setState("offline");
      // The server drops the sockets of a session that ended (sign-out, password change). Try
      // once more with the cookie the browser has now: a renewed session reconnects, an ended
      // one is refused at the handshake and stays offline.
      if (reason === "io server disconnect") setTimeout(() => s.connect(), 500);
    });
    s.on("connect_error", () => setState("offline"));
    for (const event of EVENTS) s.on(event, revalidate);
    setState("connecting");
    setSocket(s);
    return () => {
      clearTimeout(timer);
      s.close();
      setSocket(null);
      setState("offline");
    };
  }, [enabled]);

  return <LiveContext.Provider value={{ socket, state }}>{children}</LiveContext.Provider>;
}

export const useLiveState = () => useContext(LiveContext).state;

/** Watches a resource's room while the component is mounted (joined again after reconnects). */
export function useLiveRoom(room: string | null) {
  const { socket } = useContext(LiveContext);
  useEffect(() => {
    if (!socket || !room) return;
    const join = () => socket.emit("room:join", { room }, (_ack: RoomAck) => {});
    if (socket.connected) join();
    socket.on("connect", join);
    return () => {
      socket.off("connect", join);
      if (socket.connected) socket.emit("room:leave", { room }, () => {});
    };
  }, [socket, room]);
}
