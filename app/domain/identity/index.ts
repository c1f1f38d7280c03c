export * from "./result";
export * from "./dates";
export * from "./checkChars";
export * from "./idNumber";
export * from "./creditCode";
export * from "./phone";
