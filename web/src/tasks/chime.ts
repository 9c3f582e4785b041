// A short two-note chime made with Web Audio (no sound file to ship).

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

export function playChime(): void {
  const Ctx: AudioContextClass | undefined =
    typeof window === 'undefined'
      ? undefined
      : (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext);
  if (!Ctx) return;
  try {
    context ??= new Ctx();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime;
    // E6 then A5, each fading in and out so that nothing clicks.
    [
      [1318.5, 0],
      [880, 0.16],
    ].forEach(([frequency, delay]) => {
      const oscillator = context!.createOscillator();
      const gain = context!.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      const at = start + delay;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.18, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
      oscillator.connect(gain).connect(context!.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.4);
    });
  } catch {
    // Audio blocked by the browser (no user gesture yet): stay silent.
  }
}
