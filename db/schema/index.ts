export * from "./auth";
export * from "./firms";
export * from "./notifications";
