import { useNavigation, useRevalidator } from "@remix-run/react";
import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, RoomAck, ServerToClientEvents } from "../../server/realtime/events";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type LiveState = "connecting" | "live" | "offline";

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

type Live = { socket: LiveSocket | null; state: LiveState };
const OFFLINE: Live = { socket: null, state: "offline" };
const LiveContext = createContext<Live>(OFFLINE);

/**
 * The tab's socket as an external store: React reads its state through useSyncExternalStore,
 * and `open` connects and reports every push (debounced) and every reconnect to `onPush`.
 */
function createLiveStore() {
  let current = OFFLINE;
  const listeners = new Set<() => void>();
  const set = (next: Live) => {
    if (next.socket === current.socket && next.state === current.state) return;
    current = next;
    for (const listener of listeners) listener();
  };
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get: () => current,
    open(onPush: () => void): () => void {
      // WebSocket first; where a network refuses it, long polling (without tryAllTransports the
      // client would only retry the WebSocket). A proxy keeps a session's polls on one process:
      // docs/decisions/017-reverse-proxy.md.
      const s: LiveSocket = io({ withCredentials: true, transports: ["websocket", "polling"], tryAllTransports: true });
      let timer: ReturnType<typeof setTimeout> | undefined;
      let connectedOnce = false;
      const revalidate = () => {
        clearTimeout(timer);
        timer = setTimeout(onPush, 50);
      };
      s.on("connect", () => {
        set({ socket: s, state: "live" });
        if (connectedOnce) revalidate();
        connectedOnce = true;
      });
      s.on("disconnect", (reason) => {
        set({ socket: s, state: "offline" });
        // The server drops the sockets of a session that ended (sign-out, password change). Try
        // once more with the cookie the browser has now: a renewed session reconnects, an ended
        // one is refused at the handshake and stays offline.
        if (reason === "io server disconnect") setTimeout(() => s.connect(), 500);
      });
      s.on("connect_error", () => set({ socket: s, state: "offline" }));
      for (const event of EVENTS) s.on(event, revalidate);
      set({ socket: s, state: "connecting" });
      return () => {
        clearTimeout(timer);
        s.close();
        set(OFFLINE);
      };
    },
  };
}

/**
 * One socket per signed-in tab. Any push means "something you see changed": the page
 * revalidates its loaders, and a reconnect revalidates too, so a dropped connection never
 * leaves stale data behind (STYLE habit 10).
 */
export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const revalidator = useRevalidator();
  const busy = useNavigation().state !== "idle";
  // A push during a navigation waits for it: interrupting would discard the navigation's own
  // fresh data; once idle, one revalidation covers every push received meanwhile.
  const pendingRef = useRef(false);
  const onPushRef = useRef(() => {});
  // Set in the commit that shows the navigation, before any later push can run: a push
  // handled against a stale "idle" would revalidate mid-navigation and lose its data (and the
  // toast its redirect carried).
  useCommitEffect(() => {
    onPushRef.current = () => {
      if (busy) pendingRef.current = true;
      else revalidator.revalidate();
    };
    if (!busy && pendingRef.current) {
      pendingRef.current = false;
      revalidator.revalidate();
    }
  }, [busy, revalidator]);

  const [store] = useState(createLiveStore);
  const live = useSyncExternalStore(store.subscribe, store.get, () => OFFLINE);
  useEffect(() => {
    if (!enabled) return;
    return store.open(() => onPushRef.current());
  }, [enabled, store]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** A layout effect in the browser (runs in the commit itself); on the server, where it would warn, a plain effect (never run). */
const useCommitEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

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
