import * as z from 'zod';

/** TIDAL's JSON:API documents: resources, identifiers, and an index of what a page included. */

export const Identifier = z.object({
  id: z.string(),
  type: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type Identifier = z.infer<typeof Identifier>;

export const Resource = z.object({
  id: z.string(),
  type: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  relationships: z
    .record(z.string(), z.object({ data: z.unknown().optional() }).loose())
    .optional(),
});
export type Resource = z.infer<typeof Resource>;

const Links = z
  .object({
    next: z.string().optional(),
    meta: z.object({ nextCursor: z.string() }).optional(),
  })
  .loose();

export const Document = z.object({
  data: z.union([Resource, z.array(Resource), z.null()]).optional(),
  included: z.array(Resource).optional(),
  links: Links.optional(),
});
export type Document = z.infer<typeof Document>;

/** Resources by `type:id`, from a document's `data` and `included`. */
export class ResourceIndex {
  private readonly byKey = new Map<string, Resource>();

  add(resources: readonly Resource[] | undefined): this {
    for (const resource of resources ?? [])
      this.byKey.set(`${resource.type}:${resource.id}`, resource);
    return this;
  }

  addDocument(document: Document): this {
    const data = document.data;
    if (Array.isArray(data)) this.add(data);
    else if (data) this.add([data]);
    return this.add(document.included);
  }

  get(type: string, id: string): Resource | undefined {
    return this.byKey.get(`${type}:${id}`);
  }

  /** The resources a relationship points at, in order, skipping any not included. */
  related(resource: Resource, name: string): Resource[] {
    return relationshipIds(resource, name).flatMap((identifier) => {
      const found = this.get(identifier.type, identifier.id);
      return found ? [found] : [];
    });
  }
}

export function relationshipIds(resource: Resource, name: string): Identifier[] {
  const data = resource.relationships?.[name]?.data;
  const parsed = z.array(Identifier).safeParse(data);
  return parsed.success ? parsed.data : [];
}
