// lessons: lessons as data and the tour machine that maps the trace to the book's steps; may import sim and shell.
export {};
