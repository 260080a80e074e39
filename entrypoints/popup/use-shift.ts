import { useEffect, useState } from 'preact/hooks';
import { currentShift, onShiftChange, type Shift } from '@/lib/shift';

/** The active shift (null when none), kept current as it starts and ends; undefined while loading. */
export function useShift(): Shift | null | undefined {
  const [shift, setShift] = useState<Shift | null>();
  useEffect(() => {
    const stop = onShiftChange(setShift);
    void currentShift().then(setShift);
    return stop;
  }, []);
  return shift;
}
