export * from "./result";
export * from "./dates";
export * from "./check-chars";
export * from "./id-number";
export * from "./credit-code";
export * from "./phone";
