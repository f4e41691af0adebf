import type { EducationLevelName } from '../../../../shared/contract/screening'
import { EDUCATION_RANK as RANKS } from '../read/education'

const LABELS: Record<EducationLevelName, string> = {
  none: 'no degree found',
  high_school: 'high school',
  associate: "an associate's degree",
  bachelor: "a bachelor's degree",
  master: "a master's degree",
  doctorate: 'a doctorate',
}

export function educationRank(level: EducationLevelName): number {
  return RANKS[level]
}

export function educationLevelOfRank(rank: number): EducationLevelName {
  return (Object.keys(RANKS) as EducationLevelName[]).find((level) => RANKS[level] === rank) ?? 'none'
}

export function describeEducation(level: EducationLevelName): string {
  return LABELS[level]
}
