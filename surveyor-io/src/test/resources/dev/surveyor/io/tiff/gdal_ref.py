"""GDAL reference for the GeoTIFF tests: makes fixtures and dumps what GDAL reads.

Usage: python3 gdal_ref.py jobs.json
Each job is an object:
  {"op": "make", "tif": path, "raw": path, "w": W, "h": H, "bands": N, "type": "Float32",
   "seed": S, "co": ["COMPRESS=DEFLATE", ...], "srs": "EPSG:32650", "gt": [6 numbers],
   "nodata": v, "point": true, "blank_bottom": true}
     -> writes the GeoTIFF with gdal and the same pixels as raw little-endian, band sequential
        (CInt16 dumped as complex64).
  {"op": "translate", "src": path, "tif": path, "ot": "CInt16", "co": [...]}
     -> gdal_translate to a GeoTIFF.
  {"op": "dump", "tif": path, "raw": path, "json": path}
     -> GDAL's view of a file: size, type, geotransform, EPSG, no-data, pixels (raw as above).
"""
import json
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()

NP = {"Byte": np.uint8, "Int16": np.int16, "UInt16": np.uint16, "Float32": np.float32,
      "CInt16": np.complex64, "CFloat32": np.complex64, "Int32": np.int32, "UInt32": np.uint32,
      "Float64": np.float64, "Int8": np.int8}


def pixels(w, h, bands, typ, seed):
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w]
    out = []
    for b in range(bands):
        smooth = (np.sin(xx / 37.0 + b) + np.cos(yy / 23.0 - b)) * 0.5  # in [-1, 1]
        noise = rng.standard_normal((h, w))
        if typ == "Byte":
            a = np.clip(128 + 100 * smooth + 8 * noise, 0, 255).astype(np.uint8)
            a[rng.random((h, w)) < 0.01] = rng.integers(0, 256)
        elif typ == "Int16":
            a = np.clip(20000 * smooth + 300 * noise, -32768, 32767).astype(np.int16)
        elif typ == "UInt16":
            a = np.clip(32768 + 30000 * smooth + 300 * noise, 0, 65535).astype(np.uint16)
        elif typ == "Float32":
            a = (1000 * smooth + noise).astype(np.float32)
        elif typ == "CInt16":
            re = np.clip(8000 * smooth + 200 * noise, -32768, 32767).round()
            im = np.clip(-8000 * smooth + 200 * rng.standard_normal((h, w)), -32768, 32767).round()
            a = (re + 1j * im).astype(np.complex64)
        elif typ == "CFloat32":
            a = (1000 * smooth + noise + 1j * (500 * smooth - noise)).astype(np.complex64)
        else:
            a = (1000 * smooth + noise).astype(NP[typ])
        out.append(a)
    return np.stack(out)


def dump_raw(arr, path):
    arr = np.ascontiguousarray(arr)
    if arr.dtype.kind == "c":
        arr = arr.astype("<c8")
    else:
        arr = arr.astype(arr.dtype.newbyteorder("<"))
    arr.tofile(path)


def make(j):
    w, h, n, typ = j["w"], j["h"], j["bands"], j["type"]
    data = pixels(w, h, n, typ, j.get("seed", 1))
    if j.get("blank_bottom"):  # bottom half all no-data: GDAL leaves those blocks out (SPARSE_OK)
        data[:, h // 2:, :] = float(j["nodata"])
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(j["tif"], w, h, n, gdal.GetDataTypeByName(typ), options=j.get("co", []))
    if "gt" in j:
        ds.SetGeoTransform(j["gt"])
    if "srs" in j:
        s = osr.SpatialReference()
        s.SetFromUserInput(j["srs"])
        ds.SetProjection(s.ExportToWkt())
    if j.get("point"):
        ds.SetMetadataItem("AREA_OR_POINT", "Point")
    for b in range(n):
        band = ds.GetRasterBand(b + 1)
        if "nodata" in j:
            band.SetNoDataValue(float(j["nodata"]))
        band.WriteArray(data[b])
    ds = None
    dump_raw(data, j["raw"])


def dump(j):
    ds = gdal.Open(j["tif"])
    n = ds.RasterCount
    b1 = ds.GetRasterBand(1)
    info = {"w": ds.RasterXSize, "h": ds.RasterYSize, "bands": n,
            "type": gdal.GetDataTypeName(b1.DataType), "gt": None, "epsg": None,
            "nodata": None, "nodata_nan": False,
            "structure": ds.GetMetadata("IMAGE_STRUCTURE")}
    if ds.GetGeoTransform(can_return_null=True) is not None:
        info["gt"] = list(ds.GetGeoTransform())
    srs = ds.GetSpatialRef()
    if srs is not None:
        code = srs.GetAuthorityCode(None)
        info["epsg"] = int(code) if code else None
        info["semi_major"] = srs.GetSemiMajor()
        info["inv_flattening"] = srs.GetInvFlattening()
        info["geographic"] = bool(srs.IsGeographic())
        info["projection"] = srs.GetAttrValue("PROJECTION") or ""
        if srs.IsProjected():
            info["standard_parallel_1"] = srs.GetProjParm("standard_parallel_1")
            info["central_meridian"] = srs.GetProjParm("central_meridian")
            info["false_easting"] = srs.GetProjParm("false_easting")
    nd = b1.GetNoDataValue()
    if nd is not None:
        if nd != nd:
            info["nodata_nan"] = True
        else:
            info["nodata"] = nd
    info["area_or_point"] = ds.GetMetadataItem("AREA_OR_POINT")
    if "raw" in j:
        dump_raw(np.stack([ds.GetRasterBand(b + 1).ReadAsArray() for b in range(n)]), j["raw"])
    with open(j["json"], "w") as f:
        json.dump(info, f)


def translate(j):
    opts = gdal.TranslateOptions(format="GTiff", outputType=gdal.GetDataTypeByName(j["ot"]) if "ot" in j else 0,
                                 creationOptions=j.get("co", []))
    gdal.Translate(j["tif"], j["src"], options=opts)


def main():
    with open(sys.argv[1]) as f:
        jobs = json.load(f)
    for j in jobs:
        {"make": make, "dump": dump, "translate": translate}[j["op"]](j)


if __name__ == "__main__":
    main()
