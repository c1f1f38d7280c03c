export * from "./kinds";
export * from "./round";
export * from "./nomination";
export * from "./objection";
export * from "./ratioRules";
export * from "./notice";
export * from "./serial";
