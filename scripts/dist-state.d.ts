export declare const ROOT: string;
export declare const COMPILED_CLI: string;
/** Whether dist/ holds a build of the current sources (dist-state.js). */
export declare function distIsCurrent(): boolean;
