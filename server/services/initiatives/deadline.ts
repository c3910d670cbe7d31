/** A deadline given as a date means the end of that day, in UTC. */
export function deadlineOf(date: string): Date {
  return new Date(`${date}T23:59:59.000Z`);
}

export function deadlineDate(deadline: Date): string {
  return deadline.toISOString().slice(0, 10);
}
