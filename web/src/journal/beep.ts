// A short notification beep made with WebAudio (no sound file to ship).

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

export function beep(frequency = 880, seconds = 0.18): void {
  const Ctx: AudioContextClass | undefined =
    typeof window === 'undefined'
      ? undefined
      : (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext);
  if (!Ctx) return;
  try {
    context ??= new Ctx();
    if (context.state === 'suspended') void context.resume();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const now = context.currentTime;
    // A quick fade in and out, so the beep does not click.
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.2, now + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + seconds);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(now);
    oscillator.stop(now + seconds + 0.02);
  } catch {
    // Audio blocked by the browser (no user gesture yet): stay silent.
  }
}
