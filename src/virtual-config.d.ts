declare module 'virtual:dossier/config' {
  const config: import('./integration.ts').DossierConfig;
  export default config;
}
declare module 'virtual:dossier/kinds.css' {}
declare module 'virtual:dossier/search-bundles' {
  /** The site's Pagefind bundle folders under its base path, like `pagefind/`: the first one searches the others. */
  const bundles: string[];
  export default bundles;
}

// The replaceable components (src/lib/build/components.ts): each typed as Dossier's own, whose props a site's
// component takes too.
declare module 'virtual:dossier/components/Header' {
  const Header: typeof import('./components/Header.astro').default;
  export default Header;
}
declare module 'virtual:dossier/components/Footer' {
  const Footer: typeof import('./components/Footer.astro').default;
  export default Footer;
}
declare module 'virtual:dossier/components/Search' {
  const Search: typeof import('./components/SearchControl.astro').default;
  export default Search;
}
declare module 'virtual:dossier/components/ArticleByline' {
  const ArticleByline: typeof import('./components/ArticleByline.astro').default;
  export default ArticleByline;
}
declare module 'virtual:dossier/components/EntityInfobox' {
  const EntityInfobox: typeof import('./components/Infobox.astro').default;
  export default EntityInfobox;
}
declare module 'virtual:dossier/components/EntityPassages' {
  const EntityPassages: typeof import('./components/EntityPassages.astro').default;
  export default EntityPassages;
}
declare module 'virtual:dossier/components/KindBadge' {
  const KindBadge: typeof import('./components/KindBadge.astro').default;
  export default KindBadge;
}
