// The pages' icon, served as /assets/<hash>/favicon.svg.
// Kept as a string in a module so the build carries it into dist/ (the Docker image holds no src/);
// it must hold no backtick and no dollar-brace.
export const FAVICON_SVG = String.raw`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b57d0"/><path d="M9 8h9a5 5 0 0 1 0 10H9zm0 10h10a5 5 0 0 1 0 10H9z" fill="none" stroke="#fff" stroke-width="3"/></svg>
`;
