export * from "./neutralise";
export * from "./toCsv";
