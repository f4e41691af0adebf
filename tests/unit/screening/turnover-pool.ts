import type { ScoreWeights } from '@shared/contract/screening'
import type { SeedCandidate } from './seed'

/*
 * A pool whose order turns over with the weights: six who have the job's skills (Python,
 * Kubernetes) but write about other things, six who write about the role and list no skills.
 * Weighing only the skills puts the first six on top, weighing only the text the other six.
 */

export const SKILLED = ['Priya Raman', 'Jonas Berg', 'Mei Chen', 'Omar Haddad', 'Lena Vogel', 'Tariq Aziz']
export const WRITERS = ['Ana Silva', 'Kofi Mensah', 'Sara Cohen', 'Ivan Petrov', 'Nia Okafor', 'Luca Romano']
export const SKILLS_ONLY: ScoreWeights = {
  requiredSkills: 100,
  preferredSkills: 0,
  text: 0,
  experience: 0,
  education: 0,
}
export const TEXT_ONLY: ScoreWeights = { requiredSkills: 0, preferredSkills: 0, text: 100, experience: 0, education: 0 }

export const skilled = (name: string, i: number): SeedCandidate => ({
  name,
  text: `Python Kubernetes. Gardening, cooking and ${'travel '.repeat(i + 1)}`,
  skills: ['python', 'kubernetes'],
  years: 3,
  education: 'bachelor',
})

export const writer = (name: string, i: number): SeedCandidate => ({
  name,
  text: `Backend engineer building backend services, APIs and databases. ${'Backend '.repeat(i)}`,
  skills: [],
  years: 3,
  education: 'bachelor',
})
