export * from "./neutralise";
export * from "./to-csv";
