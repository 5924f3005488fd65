// player: time (play, pause, step, speed, seek by checkpoint and replay); may import sim and lessons.
export {};
