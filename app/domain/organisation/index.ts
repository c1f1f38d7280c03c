export * from "./tree";
export * from "./scope";
