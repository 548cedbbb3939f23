// A page that does not exist (an unknown run, a page past the end of a list): the server answers 404.

export class PageNotFound extends Error {
  override readonly name = "PageNotFound";
}
