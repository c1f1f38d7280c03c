export * from "./questions";
export * from "./scoring";
export * from "./timing";
export * from "./draw";
export * from "./optionOrder";
export * from "./ranking";
export * from "./stats";
