/** The components an article's MDX may use, passed to every article's `<Content />`. */
import Aside from './Aside.astro';
import Comment from './Comment.astro';
import Interview from './Interview.astro';
import Poem from './Poem.astro';

export const articleComponents = { Aside, Comment, Interview, Poem };
