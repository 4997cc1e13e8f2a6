import {
  csafBranchSchema,
  csafFullProductNameSchema,
  csafProductGroupSchema,
  csafProductPathSchema,
  csafRelationshipSchema,
  readItems,
  type CsafDocumentJson,
  type CsafFullProductNameJson,
  type CsafWarn,
} from './csaf-json.js';

/**
 * A product built from others (CSAF 2.0 `relationships[]`, CSAF 2.1 `product_paths[]`): the
 * component the statement is about, and the products it is part of or installed on.
 */
export interface CsafCombination {
  /** `default_component_of`, `installed_on`, … (one per 2.1 subpath). */
  readonly categories: readonly string[];
  readonly component: string;
  readonly platforms: readonly string[];
}

/** One full product name of the tree, with what its branch path says about it. */
export interface CsafProduct {
  readonly id: string;
  readonly name: string;
  readonly pointer: string;
  /** Names of the nearest enclosing branches of these categories. */
  readonly vendor?: string;
  /** The `product_name` branch, else the `product_family` one. */
  readonly productName?: string;
  readonly version?: string;
  /** A `product_version_range` branch name: a `vers:` range or free text. */
  readonly versionRange?: string;
  /** `product_identification_helper.purl` (2.0) or `.purls` (2.1), as written. */
  readonly purls: readonly string[];
  readonly cpe?: string;
  readonly combination?: CsafCombination;
}

export interface CsafProductTree {
  readonly products: ReadonlyMap<string, CsafProduct>;
  readonly groups: ReadonlyMap<string, readonly string[]>;
}

interface BranchContext {
  readonly vendor?: string;
  readonly productName?: string;
  readonly productFamily?: string;
  readonly version?: string;
  readonly versionRange?: string;
}

const contextKeys: Readonly<Record<string, keyof BranchContext>> = {
  vendor: 'vendor',
  product_name: 'productName',
  product_family: 'productFamily',
  product_version: 'version',
  product_version_range: 'versionRange',
};

/**
 * Flattens the product tree (CSAF 2.0 §3.1.3 / 3.2.2): every branch leaf, every top-level full
 * product name, and every relationship (2.0) or product path (2.1) becomes one product under its
 * id. A product id defined twice keeps its first definition (CSAF mandatory test 6.1.2).
 */
export function readCsafProductTree(tree: CsafDocumentJson['product_tree'], warn: CsafWarn): CsafProductTree {
  const products = new Map<string, CsafProduct>();
  const define = (product: CsafProduct): void => {
    const earlier = products.get(product.id);
    if (earlier !== undefined) {
      warn(product.pointer, `product id '${product.id}' is already defined at ${earlier.pointer}: ignored`);
      return;
    }
    products.set(product.id, product);
  };
  const full = (json: CsafFullProductNameJson, pointer: string, context: BranchContext = {}): CsafProduct => {
    const helper = json.product_identification_helper;
    const purls = [...(helper?.purl === undefined ? [] : [helper.purl]), ...(helper?.purls ?? [])];
    const productName = context.productName ?? context.productFamily;
    return {
      id: json.product_id,
      name: json.name,
      pointer,
      ...(context.vendor === undefined ? {} : { vendor: context.vendor }),
      ...(productName === undefined ? {} : { productName }),
      ...(context.version === undefined ? {} : { version: context.version }),
      ...(context.versionRange === undefined ? {} : { versionRange: context.versionRange }),
      purls: [...new Set(purls)],
      ...(helper?.cpe === undefined ? {} : { cpe: helper.cpe }),
    };
  };

  const walk = (branches: readonly unknown[] | undefined, pointer: string, context: BranchContext): void => {
    for (const { value: branch, pointer: at } of readItems(branches, csafBranchSchema, pointer, warn, 'branch')) {
      const key = contextKeys[branch.category];
      const inner: BranchContext = key === undefined ? context : { ...context, [key]: branch.name };
      if (branch.product !== undefined) {
        const product = csafFullProductNameSchema.safeParse(branch.product);
        if (product.success) define(full(product.data, `${at}/product`, inner));
        else warn(`${at}/product`, 'product without a name and a product_id: ignored');
      }
      walk(branch.branches, `${at}/branches`, inner);
    }
  };

  walk(tree?.branches, '/product_tree/branches', {});
  const names = readItems(
    tree?.full_product_names,
    csafFullProductNameSchema,
    '/product_tree/full_product_names',
    warn,
    'full product name',
  );
  for (const { value, pointer } of names) define(full(value, pointer));

  const relationships = readItems(
    tree?.relationships,
    csafRelationshipSchema,
    '/product_tree/relationships',
    warn,
    'relationship',
  );
  for (const { value, pointer } of relationships) {
    define({
      ...full(value.full_product_name, `${pointer}/full_product_name`),
      combination: {
        categories: [value.category],
        component: value.product_reference,
        platforms: [value.relates_to_product_reference],
      },
    });
  }
  const paths = readItems(
    tree?.product_paths,
    csafProductPathSchema,
    '/product_tree/product_paths',
    warn,
    'product path',
  );
  for (const { value, pointer } of paths) {
    define({
      ...full(value.full_product_name, `${pointer}/full_product_name`),
      combination: {
        categories: value.subpaths.map((subpath) => subpath.category),
        component: value.beginning_product_reference,
        platforms: value.subpaths.map((subpath) => subpath.next_product_reference),
      },
    });
  }

  const groups = new Map<string, readonly string[]>();
  const groupItems = readItems(
    tree?.product_groups,
    csafProductGroupSchema,
    '/product_tree/product_groups',
    warn,
    'product group',
  );
  for (const { value, pointer } of groupItems) {
    if (groups.has(value.group_id)) {
      warn(pointer, `group id '${value.group_id}' is already defined: ignored`);
      continue;
    }
    groups.set(value.group_id, value.product_ids);
    for (const id of value.product_ids) {
      if (!products.has(id))
        warn(`${pointer}/product_ids`, `undefined product id '${id}' in group '${value.group_id}'`);
    }
  }
  return { products, groups };
}
