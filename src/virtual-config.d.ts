declare module 'virtual:dossier/config' {
  const config: import('./integration.ts').DossierConfig;
  export default config;
}
declare module 'virtual:dossier/kinds.css' {}
