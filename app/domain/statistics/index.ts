export * from "./ratios";
