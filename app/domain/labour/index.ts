export * from "./hundredths";
export * from "./indicators";
export * from "./period";
export * from "./ranking";
export * from "./trend-chart";
