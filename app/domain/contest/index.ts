export * from "./random";
export * from "./kinds";
export * from "./skillLevels";
export * from "./status";
export * from "./events";
export * from "./ranking";
