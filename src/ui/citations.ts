/** Turns a dataset reference into a short label and the most durable link we have for it. */
import type { Reference } from '../dataset/schema';

export function citationLabel(reference: Reference): string {
  const firstAuthor = reference.authors?.split(',')[0]?.trim().split(/\s+/)[0];
  const who = firstAuthor ? `${firstAuthor}${reference.year ? ` ${reference.year}` : ''}` : undefined;
  return who ? `${who}: ${reference.title}` : reference.title;
}

export function citationUrl(reference: Reference): string | undefined {
  if (reference.doi) return `https://doi.org/${reference.doi}`;
  if (reference.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${reference.pmid}/`;
  if (reference.pmcid) return `https://pmc.ncbi.nlm.nih.gov/articles/${reference.pmcid}/`;
  return reference.url;
}
