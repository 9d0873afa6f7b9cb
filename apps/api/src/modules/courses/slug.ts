/** A readable URL slug from a Vietnamese title: "Kỹ năng số cơ bản" → "ky-nang-so-co-ban". */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
  const slug = ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'khoa-hoc';
}
