export * from "./auth";
export * from "./firms";
export * from "./notifications";
export * from "./networks";
export * from "./initiatives";
export * from "./ledger";
export * from "./sourcing";
