export * from "./random";
export * from "./kinds";
export * from "./skill-levels";
export * from "./status";
export * from "./events";
export * from "./ranking";
export * from "./results-visibility";
